package io.casteroperator.live;

/** The Live API actions the operator calls; each has its own quota per account. */
public enum LiveAction {
  CreateCaster,
  DescribeCasters,
  DescribeCasterConfig,
  SetCasterConfig,
  StartCaster,
  StopCaster,
  DeleteCaster,
  DescribeCasterStreamUrl,
  DescribeCasterVideoResources,
  AddCasterVideoResource,
  ModifyCasterVideoResource,
  DeleteCasterVideoResource,
  DescribeCasterChannels,
  SetCasterChannel,
  DescribeCasterLayouts,
  AddCasterLayout,
  ModifyCasterLayout,
  DeleteCasterLayout,
  DescribeCasterComponents,
  AddCasterComponent,
  ModifyCasterComponent,
  DeleteCasterComponent,
  DescribeCasterScenes,
  SetCasterSceneConfig;

  /** Whether the action only reads (a Describe call): it changes nothing on the caster. */
  public boolean readsOnly() {
    return name().startsWith("Describe");
  }

  /** Documented quota per account, in calls per second. */
  public int documentedQuota() {
    return switch (this) {
      case DescribeCasters, DescribeCasterConfig, DescribeCasterVideoResources, DescribeCasterChannels,
          DescribeCasterLayouts, DescribeCasterComponents, DescribeCasterScenes -> 15;
      case DescribeCasterStreamUrl -> 5;
      default -> 10;
    };
  }
}
