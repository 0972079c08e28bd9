package io.casteroperator.emulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Settings that can change while the emulator runs: quotas, caster limit, strictness switches. */
final class EmulatorSettings {
  static final int DEFAULT_MAX_CASTERS_PER_ACCOUNT = 1000;
  static final String DEFAULT_REGION = "cn-shanghai";
  /** guess: the notes' "RV01~RV12" range text read as the input count of a general studio. */
  static final int DEFAULT_STUDIO_INPUTS = 12;
  static final int MAX_STUDIO_INPUTS = 99;
  private static final Pattern REGION = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  private final Map<String, Integer> quotas = new ConcurrentHashMap<>();
  private volatile int maxCastersPerAccount = DEFAULT_MAX_CASTERS_PER_ACCOUNT;
  private volatile boolean rejectChangesWhileRunning;
  private volatile String defaultRegion = DEFAULT_REGION;
  private volatile Map<String, Normalization> normalizeOnWrite = Map.of();
  private volatile int studioInputs = DEFAULT_STUDIO_INPUTS;
  private volatile boolean rejectStartWhileRunning;
  private volatile boolean rejectStopWhileIdle = true;
  private volatile boolean rejectStudioChangesWhileRunning;
  private volatile boolean strictReferences;

  EmulatorSettings() {
    for (LiveAction action : LiveAction.values()) {
      quotas.put(action.actionName(), action.documentedQuota());
    }
  }

  int quota(LiveAction action) {
    return quotas.getOrDefault(action.actionName(), action.documentedQuota());
  }

  void setQuota(String action, int perSecond) {
    LiveAction known =
        LiveAction.byName(action).orElseThrow(() -> new IllegalArgumentException("Unknown action: " + action));
    quotas.put(known.actionName(), requireNonNegative(perSecond, "quota"));
  }

  void setAllQuotas(int perSecond) {
    requireNonNegative(perSecond, "quota");
    for (LiveAction action : LiveAction.values()) {
      quotas.put(action.actionName(), perSecond);
    }
  }

  /** In the order of {@link LiveAction}, for stable admin output. */
  Map<String, Integer> quotas() {
    Map<String, Integer> copy = new LinkedHashMap<>();
    for (LiveAction action : LiveAction.values()) {
      copy.put(action.actionName(), quota(action));
    }
    return Collections.unmodifiableMap(copy);
  }

  int maxCastersPerAccount() {
    return maxCastersPerAccount;
  }

  void setMaxCastersPerAccount(int max) {
    maxCastersPerAccount = requireNonNegative(max, "maxCastersPerAccount");
  }

  boolean rejectChangesWhileRunning() {
    return rejectChangesWhileRunning;
  }

  void setRejectChangesWhileRunning(boolean reject) {
    rejectChangesWhileRunning = reject;
  }

  /** Where a call without RegionId goes, and where the console creates casters unless told otherwise. */
  String defaultRegion() {
    return defaultRegion;
  }

  void setDefaultRegion(String region) {
    defaultRegion = requireRegion(region);
  }

  static String requireRegion(String region) {
    if (region == null || !REGION.matcher(region).matches()) {
      throw new IllegalArgumentException("Not a region id: " + region);
    }
    return region;
  }

  /** Parameter -> normalisation, sorted by parameter. */
  Map<String, String> normalizeOnWrite() {
    Map<String, String> out = new TreeMap<>();
    normalizeOnWrite.forEach((k, v) -> out.put(k, v.settingName()));
    return Collections.unmodifiableMap(out);
  }

  /** Replaces every normalisation; an empty map switches them all off. */
  void setNormalizeOnWrite(Map<String, String> byParameter) {
    Map<String, Normalization> parsed = new LinkedHashMap<>();
    byParameter.forEach((parameter, name) -> {
      Normalization.requireNormalizable(parameter);
      parsed.put(parameter, Normalization.byName(name));
    });
    normalizeOnWrite = Map.copyOf(parsed);
  }

  /** The value as the service stores it. */
  String normalized(String parameter, String value) {
    Normalization n = normalizeOnWrite.get(parameter);
    return n == null ? value : n.apply(value);
  }

  /** Inputs of every studio: the most video resources, and its channels RV01..RVnn. */
  int studioInputs() {
    return studioInputs;
  }

  void setStudioInputs(int inputs) {
    if (inputs < 1 || inputs > MAX_STUDIO_INPUTS) {
      throw new IllegalArgumentException("studioInputs must be between 1 and " + MAX_STUDIO_INPUTS + ": " + inputs);
    }
    studioInputs = inputs;
  }

  boolean rejectStartWhileRunning() {
    return rejectStartWhileRunning;
  }

  void setRejectStartWhileRunning(boolean reject) {
    rejectStartWhileRunning = reject;
  }

  boolean rejectStopWhileIdle() {
    return rejectStopWhileIdle;
  }

  void setRejectStopWhileIdle(boolean reject) {
    rejectStopWhileIdle = reject;
  }

  boolean rejectStudioChangesWhileRunning() {
    return rejectStudioChangesWhileRunning;
  }

  void setRejectStudioChangesWhileRunning(boolean reject) {
    rejectStudioChangesWhileRunning = reject;
  }

  boolean strictReferences() {
    return strictReferences;
  }

  void setStrictReferences(boolean strict) {
    strictReferences = strict;
  }

  private static int requireNonNegative(int value, String what) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " must not be negative: " + value);
    }
    return value;
  }
}
