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
  DescribeCasterStreamUrl;

  /** Documented quota per account, in calls per second. */
  public int documentedQuota() {
    return switch (this) {
      case DescribeCasters, DescribeCasterConfig -> 15;
      case DescribeCasterStreamUrl -> 5;
      default -> 10;
    };
  }
}
