package io.casteroperator.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * A stable content hash of a configuration: SHA-256 over the sorted SetCasterConfig parameters it
 * sends ({@link SetCasterConfigParameters}, the project's own encoding, not the SDK's), so two
 * configurations have the same hash exactly when they send the same request.
 */
public final class ConfigHash {

  private ConfigHash() {}

  /** 16 hex digits (64 bits): plenty to tell one caster's successive configurations apart. */
  public static String of(DesiredConfig config) {
    MessageDigest sha = sha256();
    for (Map.Entry<String, String> parameter : SetCasterConfigParameters.of(config).entrySet()) {
      sha.update(parameter.getKey().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '=');
      sha.update(parameter.getValue().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
    }
    return HexFormat.of().formatHex(sha.digest(), 0, 8);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
