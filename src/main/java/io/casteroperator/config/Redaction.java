package io.casteroperator.config;

import java.util.regex.Pattern;

/**
 * Masks the secrets that can hide in configuration values: the {@code auth_key} of signed stream
 * URLs (anyone holding it can push or pull the stream). Applied to every URL the operator shows in
 * status, events or logs.
 */
public final class Redaction {

  private static final Pattern AUTH_KEY = Pattern.compile("(?i)(auth_key=)[^&\\s\"',]*");

  private Redaction() {}

  /** The text with every {@code auth_key=...} value replaced by {@code ***}. */
  public static String maskUrls(String text) {
    return text == null ? null : AUTH_KEY.matcher(text).replaceAll("$1***");
  }
}
