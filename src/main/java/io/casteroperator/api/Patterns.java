package io.casteroperator.api;

/**
 * Regular expressions of the schema. They stay in the subset that RE2 (Kubernetes) and Java agree
 * on: no look-around, no possessive quantifiers, {@code \x} escapes and Unicode classes only.
 */
public final class Patterns {

  /**
   * One character that is neither whitespace nor a control or format character, in ASCII or
   * beyond (NBSP, U+2028, zero-width space, BOM...).
   */
  private static final String URL_CHAR = "[^\\x00-\\x20\\x7F-\\xA0\\p{Z}\\p{Cf}]";

  /** Any URL-like text without whitespace or control characters. */
  public static final String NO_SPACE_TEXT = "^" + URL_CHAR + "*$";

  /** An RTMP URL, the only ingest scheme the API accepts for side outputs. */
  public static final String RTMP_URL = "^rtmp://" + URL_CHAR + "+$";

  /** A live stream URL: RTMP, HTTP or HTTPS. */
  public static final String STREAM_URL = "^(rtmp|http|https)://" + URL_CHAR + "+$";

  /** An HTTP or HTTPS URL. */
  public static final String HTTP_URL = "^https?://" + URL_CHAR + "+$";

  /** A DNS name (RFC 1123 labels of 1 to 63 characters separated by dots). */
  public static final String DNS_NAME =
      "^[a-zA-Z0-9]([-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?(\\.[a-zA-Z0-9]([-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?)*$";

  /** A Kubernetes object name (RFC 1123 subdomain, lower case). */
  public static final String K8S_NAME =
      "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

  /**
   * A caster id, in either shape the service issues: a UUID ({@code a2b8e671-2fe5-4642-a2ec-...})
   * or {@code LIVEPRODUCER_POST-cn-0pp1czt...}.
   */
  public static final String CASTER_ID =
      "^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
          + "|LIVEPRODUCER_[A-Z]+-[a-z0-9][-a-z0-9]*)$";

  /** An Alibaba Cloud region id such as {@code cn-shanghai} or {@code ap-southeast-1}. */
  public static final String REGION_ID = "^[a-z]{2,}(-[a-z0-9]+){1,3}$";

  /** An Alibaba Cloud resource group id. */
  public static final String RESOURCE_GROUP_ID = "^rg-[a-z0-9]+$";

  /** The name of an item of the studio: a DNS label (lower case, digits and dashes, up to 63). */
  public static final String STUDIO_NAME = "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$";

  /** Where an input (or a channel) sits in the studio: RV01 to RV99 (the API has no RV00). */
  public static final String INPUT_LOCATION = "^RV(0[1-9]|[1-9][0-9])$";

  /** Where an overlay sits: RC01 to RC99, or, for captions, the RVnn of the input they transcribe. */
  public static final String COMPONENT_LOCATION = "^R[CV](0[1-9]|[1-9][0-9])$";

  /** A source of a layout: the name of an input, or, with channels, a channel id. */
  public static final String LAYOUT_SOURCE = "^([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?|RV(0[1-9]|[1-9][0-9]))$";

  /** A colour, 0x000000 to 0xffffff. */
  public static final String COLOR = "^0x[0-9a-fA-F]{6}$";

  private Patterns() {}
}
