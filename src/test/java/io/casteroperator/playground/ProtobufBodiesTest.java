package io.casteroperator.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A protobuf body as kubectl sends it becomes the JSON the API server would store; others are refused, not dropped. */
class ProtobufBodiesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The k8s envelope around an object, as client-go writes it. */
  private static byte[] envelope(String apiVersion, String kind, Message object) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {'k', '8', 's', 0});
    out.writeBytes(Runtime.Unknown.newBuilder()
        .setTypeMeta(Runtime.TypeMeta.newBuilder().setApiVersion(apiVersion).setKind(kind))
        .setRaw(object.toByteString()).build().toByteArray());
    return out.toByteArray();
  }

  @Test
  void aSecretFromKubectlCreateSecretGeneric() throws Exception {
    // Go's encoder writes every optional field, empty or not, as kubectl's body shows.
    V1.Secret secret = V1.Secret.newBuilder()
        .setMetadata(Meta.ObjectMeta.newBuilder().setName("s1").setGenerateName("").setNamespace("")
            .setCreationTimestamp(Meta.Time.newBuilder()))
        .putData("accessKeySecret", ByteString.copyFrom("s3cr3t", StandardCharsets.UTF_8))
        .setType("Opaque")
        .build();
    JsonNode json = ProtobufBodies.toJson(envelope("v1", "Secret", secret));
    assertEquals(JSON.readTree("""
        {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "s1"},
         "data": {"accessKeySecret": "czNjcjN0"}, "type": "Opaque"}"""), json);
  }

  @Test
  void aConfigMapKeepsEmptyValuesOfItsData() throws Exception {
    V1.ConfigMap configMap = V1.ConfigMap.newBuilder()
        .setMetadata(Meta.ObjectMeta.newBuilder().setName("settings").putLabels("team", "news"))
        .putData("region", "cn-shanghai").putData("empty", "").build();
    JsonNode json = ProtobufBodies.toJson(envelope("v1", "ConfigMap", configMap));
    assertEquals(JSON.readTree("{\"region\": \"cn-shanghai\", \"empty\": \"\"}"), json.get("data"));
    assertEquals("news", json.path("metadata").path("labels").path("team").asText());
  }

  @Test
  void aKindThePlaygroundCannotReadIsRefusedWith415() {
    byte[] pod = envelope("v1", "Pod", V1.Pod.newBuilder().setMetadata(Meta.ObjectMeta.newBuilder().setName("p")).build());
    ApiException refused = assertThrows(ApiException.class, () -> ProtobufBodies.toJson(pod));
    assertEquals(415, refused.response().code());
    assertTrue(refused.getMessage().contains("v1/Pod"), refused.getMessage());

    ApiException garbage = assertThrows(ApiException.class,
        () -> ProtobufBodies.toJson("{\"kind\":\"Secret\"}".getBytes(StandardCharsets.UTF_8)));
    assertEquals(415, garbage.response().code());
  }
}
