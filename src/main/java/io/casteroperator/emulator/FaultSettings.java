package io.casteroperator.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What goes wrong, and how often. Rates are fractions of calls in [0, 1]; 0 and 1 are exact.
 *
 * @param errorRate fraction of calls answered with one of {@code errorCodes}, chosen uniformly
 * @param errorCodes codes to inject, from {@link ApiError}; InternalError and ServiceUnavailable by default
 * @param errorActions actions whose calls may get an injected error; empty means every action
 * @param latencyMinMs lower bound of the delay added to every answer (the call takes effect at once)
 * @param latencyMaxMs upper bound of that delay
 * @param dropBeforeRate fraction of calls whose connection is closed before anything happens
 * @param dropAfterRate fraction of successful calls whose connection is closed after they took effect
 * @param throttleRate fraction of calls answered Throttling.User as if a co-tenant drained the quota
 * @param seed reseeds the emulator's fault randomness when not null, for repeatable runs
 */
public record FaultSettings(
    double errorRate,
    List<String> errorCodes,
    Set<String> errorActions,
    long latencyMinMs,
    long latencyMaxMs,
    double dropBeforeRate,
    double dropAfterRate,
    double throttleRate,
    Long seed) {

  public static final List<String> DEFAULT_ERROR_CODES =
      List.of(ApiError.INTERNAL_ERROR.code(), ApiError.SERVICE_UNAVAILABLE.code());

  public FaultSettings {
    requireRate(errorRate, "errorRate");
    requireRate(dropBeforeRate, "dropBeforeRate");
    requireRate(dropAfterRate, "dropAfterRate");
    requireRate(throttleRate, "throttleRate");
    errorCodes = List.copyOf(errorCodes == null || errorCodes.isEmpty() ? DEFAULT_ERROR_CODES : errorCodes);
    for (String code : errorCodes) {
      if (ApiError.byCode(code).isEmpty()) {
        throw new IllegalArgumentException("Unknown error code: " + code);
      }
    }
    errorActions = Set.copyOf(errorActions == null ? Set.of() : errorActions);
    if (latencyMinMs < 0 || latencyMaxMs < latencyMinMs) {
      throw new IllegalArgumentException("Need 0 <= latencyMinMs <= latencyMaxMs");
    }
  }

  public static FaultSettings none() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public boolean isNone() {
    return errorRate == 0 && latencyMaxMs == 0 && dropBeforeRate == 0 && dropAfterRate == 0 && throttleRate == 0;
  }

  private static final Set<String> JSON_FIELDS =
      Set.of("errorRate", "errorCodes", "errorActions", "latencyMinMs", "latencyMaxMs", "dropBeforeRate",
          "dropAfterRate", "throttleRate", "seed");

  /**
   * The admin API's shape. A missing field takes its "no fault" value, so a POST replaces all fault
   * settings; an unknown field is refused, because a typo would otherwise silently inject nothing.
   */
  static FaultSettings fromJson(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("Fault settings must be a JSON object");
    }
    json.fieldNames().forEachRemaining(name -> {
      if (!JSON_FIELDS.contains(name)) {
        throw new IllegalArgumentException("Unknown fault setting " + name + "; known: " + JSON_FIELDS);
      }
    });
    Builder b = builder();
    b.errorRate(number(json, "errorRate", 0));
    b.errorCodes(strings(json, "errorCodes"));
    b.errorActions(strings(json, "errorActions"));
    long min = (long) number(json, "latencyMinMs", 0);
    b.latency(min, (long) number(json, "latencyMaxMs", min));
    b.dropBeforeRate(number(json, "dropBeforeRate", 0));
    b.dropAfterRate(number(json, "dropAfterRate", 0));
    b.throttleRate(number(json, "throttleRate", 0));
    if (json.hasNonNull("seed")) {
      if (!json.get("seed").isIntegralNumber()) {
        throw new IllegalArgumentException("seed must be an integer");
      }
      b.seed(json.get("seed").asLong());
    }
    return b.build();
  }

  private static double number(JsonNode json, String name, double absent) {
    JsonNode node = json.get(name);
    if (node == null || node.isNull()) {
      return absent;
    }
    if (!node.isNumber()) {
      throw new IllegalArgumentException(name + " must be a number");
    }
    return node.asDouble();
  }

  private static List<String> strings(JsonNode json, String name) {
    JsonNode node = json.get(name);
    List<String> values = new ArrayList<>();
    if (node == null || node.isNull()) {
      return values;
    }
    if (!node.isArray()) {
      throw new IllegalArgumentException(name + " must be an array of strings");
    }
    node.forEach(v -> values.add(v.asText()));
    return values;
  }

  ObjectNode toJson() {
    ObjectNode out = Json.object();
    out.put("errorRate", errorRate);
    errorCodes.forEach(out.putArray("errorCodes")::add);
    errorActions.stream().sorted().forEach(out.putArray("errorActions")::add);
    out.put("latencyMinMs", latencyMinMs);
    out.put("latencyMaxMs", latencyMaxMs);
    out.put("dropBeforeRate", dropBeforeRate);
    out.put("dropAfterRate", dropAfterRate);
    out.put("throttleRate", throttleRate);
    if (seed != null) {
      out.put("seed", seed);
    }
    return out;
  }

  private static void requireRate(double rate, String name) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1]: " + rate);
    }
  }

  public static final class Builder {
    private double errorRate;
    private List<String> errorCodes = DEFAULT_ERROR_CODES;
    private Set<String> errorActions = Set.of();
    private long latencyMinMs;
    private long latencyMaxMs;
    private double dropBeforeRate;
    private double dropAfterRate;
    private double throttleRate;
    private Long seed;

    public Builder errorRate(double rate) {
      this.errorRate = rate;
      return this;
    }

    public Builder errorCodes(List<String> codes) {
      this.errorCodes = codes;
      return this;
    }

    public Builder errorCodes(String... codes) {
      return errorCodes(List.of(codes));
    }

    public Builder errorActions(Collection<String> actions) {
      this.errorActions = Set.copyOf(actions);
      return this;
    }

    public Builder errorActions(String... actions) {
      return errorActions(List.of(actions));
    }

    public Builder latency(long minMs, long maxMs) {
      this.latencyMinMs = minMs;
      this.latencyMaxMs = maxMs;
      return this;
    }

    public Builder dropBeforeRate(double rate) {
      this.dropBeforeRate = rate;
      return this;
    }

    public Builder dropAfterRate(double rate) {
      this.dropAfterRate = rate;
      return this;
    }

    public Builder throttleRate(double rate) {
      this.throttleRate = rate;
      return this;
    }

    public Builder seed(Long seed) {
      this.seed = seed;
      return this;
    }

    public FaultSettings build() {
      return new FaultSettings(
          errorRate, errorCodes, errorActions, latencyMinMs, latencyMaxMs, dropBeforeRate, dropAfterRate, throttleRate,
          seed);
    }
  }
}
