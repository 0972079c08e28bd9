package io.casteroperator.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A production studio (caster) of Alibaba Cloud ApsaraVideo Live. The operator makes the cloud
 * caster match spec by calling SetCasterConfig, within the account's API quota, and reports in
 * status what the Live API answered.
 */
@Group(Caster.GROUP)
@Version(Caster.VERSION)
@Kind("Caster")
@Plural("casters")
@Singular("caster")
@ShortNames("cst")
@AdditionalPrinterColumn(
    name = "Caster ID",
    jsonPath = ".status.casterId",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Reason",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Running",
    jsonPath = ".status.conditions[?(@.type==\"Running\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
// At the root, because only there can a rule about spec see status: the region is fixed by the
// claim that status records, not by spec alone, so it may still be corrected before any claim.
// Status writes keep spec as it is, so they always pass.
@ValidationRule(
    value = "!has(oldSelf.status) || !has(oldSelf.status.regionId) || !has(oldSelf.spec)"
        + " || !has(oldSelf.spec.regionId) || (has(self.spec) && has(self.spec.regionId)"
        + " && self.spec.regionId == oldSelf.spec.regionId)",
    message = "spec.regionId cannot change once the caster is claimed (status.regionId is recorded): a caster"
        + " cannot move between regions; create another Caster for a caster in another region (checked on updates only)",
    fieldPath = ".spec.regionId",
    reason = "FieldValueForbidden")
// Channels can never be turned off once they are on in the cloud (status.channelsEnabled); until
// then, a channelEnable: true that is still waiting for a stopped caster may be withdrawn.
@ValidationRule(
    value = "!has(oldSelf.spec) || !has(oldSelf.spec.channelEnable) || !oldSelf.spec.channelEnable"
        + " || (has(self.spec) && has(self.spec.channelEnable) && self.spec.channelEnable)"
        + " || !has(oldSelf.status) || !has(oldSelf.status.channelsEnabled) || !oldSelf.status.channelsEnabled",
    message = "channelEnable cannot be turned off once channels are enabled on the caster (status.channelsEnabled):"
        + " the Live API can never disable them (checked on updates only)",
    fieldPath = ".spec.channelEnable",
    reason = "FieldValueForbidden")
public class Caster extends CustomResource<CasterSpec, CasterStatus> implements Namespaced {

  public static final String GROUP = "live.caster-operator.io";
  public static final String VERSION = "v1alpha1";

  /**
   * Read leniently: a malformed spec (a wrong type, an unknown field) becomes an {@link
   * UnreadableSpec} reported on this object alone, instead of breaking the watch of every Caster.
   */
  @Override
  @JsonDeserialize(using = LenientSpecDeserializer.class)
  public void setSpec(CasterSpec spec) {
    super.setSpec(spec);
  }

  @Override
  @JsonDeserialize(using = LenientStatusDeserializer.class)
  public void setStatus(CasterStatus status) {
    super.setStatus(status);
  }

  @Override
  protected CasterSpec initSpec() {
    return null;
  }

  @Override
  protected CasterStatus initStatus() {
    return null;
  }
}
