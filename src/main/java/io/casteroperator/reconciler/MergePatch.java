package io.casteroperator.reconciler;

import io.casteroperator.api.Caster;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

/**
 * JSON merge patches sent as one request each. fabric8's {@code withName(..).patch(..)} first GETs
 * the object only to learn its name and namespace; patching through a bare reference that carries
 * them skips that read, which halves what a status write costs the API server.
 */
final class MergePatch {

  private MergePatch() {}

  /** Patches the Caster (its status, with {@code subresource} "status"; the object, with null); returns it as patched. */
  static Caster caster(KubernetesClient client, Caster caster, String subresource, String patch) {
    Caster reference = new Caster();
    reference.setMetadata(new ObjectMetaBuilder()
        .withName(caster.getMetadata().getName())
        .withNamespace(caster.getMetadata().getNamespace())
        .build());
    var resource = client.resources(Caster.class).inNamespace(caster.getMetadata().getNamespace()).resource(reference);
    return (subresource == null ? resource : resource.subresource(subresource))
        .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
  }

  /** Patches the Event {@code namespace/name}. */
  static void event(KubernetesClient client, String namespace, String name, String patch) {
    client.v1().events().inNamespace(namespace)
        .resource(new EventBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata().build())
        .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
  }
}
