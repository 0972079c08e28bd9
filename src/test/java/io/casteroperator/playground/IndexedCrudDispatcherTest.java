package io.casteroperator.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.casteroperator.api.Caster;
import io.casteroperator.api.CasterSpec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The in-process API server finds objects through its index exactly as the scan would. */
class IndexedCrudDispatcherTest {

  private static MockKubernetes kube;
  private static KubernetesClient client;

  @BeforeAll
  static void start() {
    kube = MockKubernetes.start(0);
    client = kube.newClient();
  }

  @AfterAll
  static void stop() {
    client.close();
    kube.close();
  }

  private static Caster caster(String namespace, String name, double delay) {
    Caster caster = new Caster();
    caster.getMetadata().setNamespace(namespace);
    caster.getMetadata().setName(name);
    CasterSpec spec = new CasterSpec();
    spec.setDelay(delay);
    caster.setSpec(spec);
    return caster;
  }

  /** As the operator patches: through a bare reference, with no read first. */
  private static void patch(String namespace, String name, String subresource, String json) {
    Caster reference = new Caster();
    reference.getMetadata().setNamespace(namespace);
    reference.getMetadata().setName(name);
    var resource = client.resources(Caster.class).inNamespace(namespace).resource(reference);
    (subresource == null ? resource : resource.subresource(subresource)).patch(PatchContext.of(PatchType.JSON_MERGE), json);
  }

  private static Caster get(String namespace, String name) {
    return client.resources(Caster.class).inNamespace(namespace).withName(name).get();
  }

  @Test
  void sameNameInTwoNamespacesAreTwoObjects() {
    client.resource(caster("default", "twin", 1)).create();
    client.resource(caster("other", "twin", 2)).create();

    patch("other", "twin", null, "{\"spec\":{\"delay\":5}}");

    assertEquals(1.0, get("default", "twin").getSpec().getDelay());
    assertEquals(5.0, get("other", "twin").getSpec().getDelay());
    assertEquals(2L, get("other", "twin").getMetadata().getGeneration());
  }

  @Test
  void aCreateOfAnExistingNameConflictsAndADeletedNameCanBeCreatedAgain() {
    Caster first = client.resource(caster("default", "again", 1)).create();
    KubernetesClientException conflict =
        assertThrows(KubernetesClientException.class, () -> client.resource(caster("default", "again", 2)).create());
    assertEquals(409, conflict.getCode());

    client.resource(first).withGracePeriod(0).delete();
    assertNull(get("default", "again"));
    KubernetesClientException gone =
        assertThrows(KubernetesClientException.class, () -> patch("default", "again", null, "{\"spec\":{\"delay\":9}}"));
    assertEquals(404, gone.getCode());

    Caster second = client.resource(caster("default", "again", 3)).create();
    assertNotEquals(first.getMetadata().getUid(), second.getMetadata().getUid());
    assertEquals(3.0, get("default", "again").getSpec().getDelay());
  }

  @Test
  void replacesAndStatusPatchesReachTheStoredObject() {
    client.resource(new ConfigMapBuilder().withNewMetadata().withName("cm").withNamespace("default").endMetadata()
        .withData(Map.of("k", "1")).build()).create();
    ConfigMap current = client.configMaps().inNamespace("default").withName("cm").get();
    current.setData(Map.of("k", "2"));
    client.resource(current).update();
    assertEquals("2", client.configMaps().inNamespace("default").withName("cm").get().getData().get("k"));

    client.resource(caster("default", "with-status", 1)).create();
    patch("default", "with-status", "status", "{\"status\":{\"casterId\":\"abc\"}}");
    assertEquals("abc", get("default", "with-status").getStatus().getCasterId());
    assertEquals(1L, get("default", "with-status").getMetadata().getGeneration());
  }

  @Test
  void anObjectWhoseLabelsChangeIsStillFoundAndSelectedByItsNewLabels() {
    client.resource(caster("default", "relabelled", 1)).create();
    patch("default", "relabelled", null, "{\"metadata\":{\"labels\":{\"team\":\"news\"}}}");
    patch("default", "relabelled", null, "{\"spec\":{\"delay\":7}}");

    assertEquals(7.0, get("default", "relabelled").getSpec().getDelay());
    assertEquals(List.of("relabelled"), client.resources(Caster.class).inNamespace("default").withLabel("team", "news")
        .list().getItems().stream().map(c -> c.getMetadata().getName()).toList());
  }

  @Test
  void clusterScopedObjectsAreFoundWithoutTheIndex() {
    client.resource(new NamespaceBuilder().withNewMetadata().withName("cluster-scoped").endMetadata().build()).create();
    client.namespaces().withName("cluster-scoped")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"labels\":{\"a\":\"b\"}}}");
    assertEquals("b", client.namespaces().withName("cluster-scoped").get().getMetadata().getLabels().get("a"));
    assertNotNull(client.apiextensions().v1().customResourceDefinitions().withName("casters.live.caster-operator.io").get());
  }
}
