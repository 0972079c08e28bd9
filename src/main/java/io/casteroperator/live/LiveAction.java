package io.casteroperator.live;

/** The Live API actions the operator calls; each has its own quota per account. */
public enum LiveAction {
  CreateCaster,
  DescribeCasters,
  DescribeCasterConfig,
  SetCasterConfig,
  StartCaster,
  StopCaster,
  DeleteCaster;

  /** Documented quota per account, in calls per second. */
  public int documentedQuota() {
    return this == DescribeCasters || this == DescribeCasterConfig ? 15 : 10;
  }
}
