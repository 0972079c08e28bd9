package io.casteroperator.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.casteroperator.api.CasterSpec;
import io.casteroperator.api.UnreadableSpec;
import io.casteroperator.api.LenientSpecDeserializer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code --studio}: the small studio every Caster gets, and what its rollout is measured against.
 *
 * <p>Two live inputs, a picture-in-picture layout of both, a text overlay, and both scenes (the
 * programme shows the layout and the overlay, the preview the layout). Scenes are in because a studio
 * without them shows nothing, and because they are the one part of a studio that waits for another
 * step of the same Caster: they exist only once the caster runs, so the spec has {@code running: true}
 * (with the domain and output template StartCaster needs), and each Caster goes through the whole
 * chain the operator orders: configuration, inputs, layout, overlay, start, scenes. That costs a
 * StartCaster and the read of the outputs as well.
 *
 * <p>Every action has its own quota per account, so the rollout's ideal is set by the action whose
 * calls take longest at its quota: the largest, over the actions, of calls / (quota × K), counting
 * the calls this studio needs at least ({@link #LEAST_CALLS}), so that a wasted call shows in the
 * ratio instead of moving the ideal. Here the inputs (two AddCasterVideoResource) and the scenes
 * (two SetCasterSceneConfig) tie, at twice N / (K·Q).
 */
final class SmallStudio {

  /** The studio, as a user writes it in a Caster's spec. */
  static final String SPEC = """
      domainName: live.example.com
      transcodeConfig: {casterTemplate: lp_ld}
      running: true
      videoResources:
        - {name: cam1, locationId: RV01, liveStreamUrl: "rtmp://push.example.com/live/cam1"}
        - {name: cam2, locationId: RV02, liveStreamUrl: "rtmp://push.example.com/live/cam2"}
      layouts:
        - name: pip
          blendList: [cam1, cam2]
          videoLayers:
            - {fillMode: fit, heightNormalized: 1, widthNormalized: 1}
            - {fillMode: fit, heightNormalized: 0.3, widthNormalized: 0.3, positionNormalized: [0.65, 0.65]}
          mixList: [cam1]
      components:
        - name: lower-third
          locationId: RC01
          type: text
          layer: {heightNormalized: 0.1, positionNormalized: [0.05, 0.8]}
          text: {text: "Live from the bench", color: "0xffffff"}
      scenes:
        program: {layout: pip, components: [lower-third]}
        preview: {layout: pip}
      """;

  /**
   * The calls per Caster that this studio needs at least: one per item, one read of each list the
   * operator reads before its first add, the configuration's read and write, the state read, the
   * start and the read of the outputs.
   */
  static final Map<String, Integer> LEAST_CALLS = Map.ofEntries(Map.entry("AddCasterVideoResource", 2),
      Map.entry("SetCasterSceneConfig", 2), Map.entry("AddCasterLayout", 1), Map.entry("AddCasterComponent", 1),
      Map.entry("DescribeCasterVideoResources", 1), Map.entry("DescribeCasterLayouts", 1),
      Map.entry("DescribeCasterComponents", 1), Map.entry("DescribeCasterConfig", 1), Map.entry("SetCasterConfig", 1),
      Map.entry("DescribeCasters", 1), Map.entry("StartCaster", 1), Map.entry("DescribeCasterStreamUrl", 1));

  /** Read once; every Caster shares its lists (they are only ever serialised). */
  private static final CasterSpec TEMPLATE = parse();

  /**
   * The actions of the studio itself (its lists and scenes), as opposed to the configuration, the
   * run state and the outputs.
   */
  static boolean isStudioAction(String action) {
    return action.contains("VideoResource") || action.contains("Layout") || action.contains("Component")
        || action.contains("Channel") || action.contains("Scene");
  }

  private SmallStudio() {}

  /** Adds the small studio, and what running it needs, to {@code spec}. */
  static void addTo(CasterSpec spec) {
    spec.setDomainName(TEMPLATE.getDomainName());
    spec.setTranscodeConfig(TEMPLATE.getTranscodeConfig());
    spec.setRunning(TEMPLATE.getRunning());
    spec.setVideoResources(TEMPLATE.getVideoResources());
    spec.setLayouts(TEMPLATE.getLayouts());
    spec.setComponents(TEMPLATE.getComponents());
    spec.setScenes(TEMPLATE.getScenes());
  }

  private static CasterSpec parse() {
    try {
      CasterSpec spec = LenientSpecDeserializer.read(new YAMLMapper().readTree(SPEC));
      if (spec instanceof UnreadableSpec unreadable) {
        throw new IllegalStateException("the bench's small studio does not read as a spec: " + unreadable);
      }
      return spec;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the bench's small studio is not YAML", e);
    }
  }

  /**
   * Phase 1 with a studio: what each Caster cost, and the rollout against the ideal for those calls.
   *
   * @param callsPerCasterByAction the operator's phase 1 calls of each action, per Caster (every
   *     action: the studio's, the configuration's, the start's and the reads)
   * @param studioCallsPerCaster of which the studio's own actions (its lists and scenes)
   * @param liveApiCallsPerCaster all of them
   * @param studioBindingActions the action (or the actions, tied) whose least calls ({@link #LEAST_CALLS})
   *     take longest at their quota
   * @param studioBindingCallsPerCaster its calls per Caster, as measured
   * @param studioBindingQuota its quota per account
   * @param studioIdealSeconds its least calls × N / (quota × K): the fastest the quotas allow the rollout
   * @param studioRatioToIdeal phase 1's time to all Ready / that ideal
   * @param studioPeakCallsPerSecond the most calls of one action but SetCasterConfig (which
   *     {@code peakCallsPerSecond} reports) that one account attempted in one second, as the
   *     emulator reports it at the end of phase 1 (per action and account, never a sum)
   * @param studioPeakAction the action of that peak
   */
  record Figures(Map<String, Double> callsPerCasterByAction, double studioCallsPerCaster, double liveApiCallsPerCaster,
      List<String> studioBindingActions, double studioBindingCallsPerCaster, int studioBindingQuota, double studioIdealSeconds,
      double studioRatioToIdeal, int studioPeakCallsPerSecond, String studioPeakAction) {}

  /**
   * The figures of phase 1.
   *
   * @param calls the operator's calls in phase 1, by action (over every account)
   * @param quotas each action's quota per account, as the emulator and the operator's budgets had it
   * @param peaks each account's peaks by action at the end of phase 1
   */
  static Figures figures(Map<String, Long> calls, Map<String, Integer> quotas, int casters, int accounts,
      double elapsedSeconds, List<Map<String, Integer>> peaks) {
    Map<String, Double> perCaster = new TreeMap<>();
    calls.forEach((action, n) -> {
      if (n > 0) {
        perCaster.put(action, (double) n / casters);
      }
    });
    double studio = calls.entrySet().stream().filter(e -> isStudioAction(e.getKey())).mapToLong(Map.Entry::getValue).sum();
    double all = calls.values().stream().mapToLong(Long::longValue).sum();
    // The ideal: the action whose least calls take longest at its own quota over the K accounts.
    double ideal = 0;
    List<String> binding = new ArrayList<>();
    for (Map.Entry<String, Integer> e : new TreeMap<>(LEAST_CALLS).entrySet()) {
      double seconds = (double) e.getValue() * casters / ((double) quota(quotas, e.getKey()) * accounts);
      if (seconds > ideal + 1e-9) {
        ideal = seconds;
        binding.clear();
        binding.add(e.getKey());
      } else if (Math.abs(seconds - ideal) <= 1e-9 && seconds > 0) {
        binding.add(e.getKey());
      }
    }
    String first = binding.isEmpty() ? null : binding.get(0);
    String peakAction = null;
    int peak = 0;
    for (Map<String, Integer> account : peaks) {
      Map.Entry<String, Integer> top = account.entrySet().stream().filter(e -> !e.getKey().equals("SetCasterConfig"))
          .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
          .orElse(null);
      if (top != null && top.getValue() > peak) {
        peak = top.getValue();
        peakAction = top.getKey();
      }
    }
    return new Figures(perCaster, studio / casters, all / casters, binding,
        first == null ? 0 : (double) calls.getOrDefault(first, 0L) / casters, first == null ? 0 : quota(quotas, first), ideal,
        ideal == 0 ? Double.NaN : elapsedSeconds / ideal, peak, peakAction);
  }

  private static int quota(Map<String, Integer> quotas, String action) {
    Integer quota = quotas.get(action);
    if (quota == null) {
      throw new IllegalStateException("no quota known for " + action);
    }
    return quota;
  }
}
