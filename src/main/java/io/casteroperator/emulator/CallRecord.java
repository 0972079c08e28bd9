package io.casteroperator.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * One RPC call as the emulator saw it.
 *
 * @param timeMillis arrival, epoch milliseconds of the emulator clock
 * @param account the account of the key, null when the key is unknown or absent
 * @param regionId the region the call went to: its RegionId, or the emulator's default region
 * @param params the action's own parameters only: never the signature, a token or other system parameters
 * @param code "OK", the error code answered, or "dropped-before" / "dropped-after" when no answer was sent
 * @param outcome "applied", "rejected", "injected-error", "injected-throttle", "dropped-before" or "dropped-after"
 * @param latencyMs time from arrival to the answer, including injected latency
 */
public record CallRecord(
    long timeMillis,
    String requestId,
    String account,
    String accessKeyId,
    String action,
    String casterId,
    String regionId,
    Map<String, String> params,
    String code,
    String outcome,
    long latencyMs) {

  public static final String OK = "OK";
  public static final String APPLIED = "applied";
  public static final String REJECTED = "rejected";
  public static final String INJECTED_ERROR = "injected-error";
  public static final String INJECTED_THROTTLE = "injected-throttle";
  public static final String DROPPED_BEFORE = "dropped-before";
  public static final String DROPPED_AFTER = "dropped-after";

  public CallRecord {
    params = Map.copyOf(params);
  }

  ObjectNode toJson() {
    ObjectNode out = Json.object();
    out.put("time", timeMillis);
    out.put("requestId", requestId);
    out.put("account", account);
    out.put("accessKeyId", accessKeyId);
    out.put("action", action);
    out.put("casterId", casterId);
    out.put("regionId", regionId);
    ObjectNode p = out.putObject("params");
    new TreeMap<>(params).forEach(p::put);
    out.put("code", code);
    out.put("outcome", outcome);
    out.put("latencyMs", latencyMs);
    return out;
  }
}
