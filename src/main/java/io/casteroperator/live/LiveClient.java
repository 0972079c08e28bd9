package io.casteroperator.live;

import io.casteroperator.config.DesiredConfig;

/**
 * The cloud seam: the Live API calls the operator makes for casters, one method per API call, in
 * the spirit of Crossplane's external clients (observe, create, update, delete). Bound to one set of
 * credentials and one region. Never throws for an API failure: every outcome is a {@link
 * LiveResult}, classified by {@link ErrorClassifier}.
 */
public interface LiveClient {

  /** DescribeCasterConfig: the caster's configuration as the service reports it. */
  LiveResult<ObservedConfig> observeConfig(String casterId);

  /**
   * DescribeCasters filtered by id: whether the caster runs and has channels. A caster the answer
   * does not list fails as not found ({@link ErrorMeaning#NOT_FOUND}, code InvalidCaster.NotFound,
   * as every other caster action answers); an answer without a list fails as incomplete.
   */
  LiveResult<CasterInfo> observeState(String casterId);

  /**
   * DescribeCasters without a filter, one page ({@code pageNum} from 1, up to 100 casters): the
   * state of many casters for one call.
   */
  LiveResult<CasterPage> listCasters(int pageNum, int pageSize);

  /** CreateCaster: the id of the new caster (the same id again for the same client token). */
  LiveResult<String> create(NewCaster caster);

  /** SetCasterConfig: replaces the caster's whole configuration with {@code config}. */
  LiveResult<Void> update(String casterId, DesiredConfig config);

  /** StartCaster: the scenes it started (created at the first start), with their playback URLs. */
  LiveResult<java.util.List<CasterStream>> start(String casterId);

  /** StopCaster. */
  LiveResult<Void> stop(String casterId);

  /** DescribeCasterStreamUrl: what each scene outputs (only after the caster's first start). */
  LiveResult<java.util.List<CasterStream>> streams(String casterId);

  /** DeleteCaster. */
  LiveResult<Void> delete(String casterId);
}
