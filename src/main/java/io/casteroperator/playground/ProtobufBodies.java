package io.casteroperator.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import java.util.Arrays;
import java.util.Map;

/**
 * Request bodies in Kubernetes' protobuf encoding ({@code application/vnd.kubernetes.protobuf}),
 * which kubectl sends for built-in kinds ({@code kubectl create secret generic}, {@code create
 * configmap}): the four bytes {@code k8s\0}, then a {@code runtime.Unknown} whose {@code raw} is the
 * object. Decoded with the official Kubernetes Java client's generated classes
 * (io.kubernetes:client-java-proto) and turned into the JSON the CRUD store keeps. A kind not listed
 * here is refused with 415, never dropped.
 */
final class ProtobufBodies {

  static final String MEDIA_TYPE = "application/vnd.kubernetes.protobuf";
  private static final byte[] MAGIC = {'k', '8', 's', 0};

  /** The kinds the playground reads from protobuf, by apiVersion/kind. */
  private static final Map<String, Parser<? extends Message>> KINDS = Map.of(
      "v1/Secret", V1.Secret.parser(),
      "v1/ConfigMap", V1.ConfigMap.parser(),
      "v1/Namespace", V1.Namespace.parser(),
      "v1/Event", V1.Event.parser(),
      "v1/ServiceAccount", V1.ServiceAccount.parser(),
      "v1/DeleteOptions", Meta.DeleteOptions.parser(),
      "meta.k8s.io/v1/DeleteOptions", Meta.DeleteOptions.parser());

  private ProtobufBodies() {}

  /**
   * The body as JSON.
   *
   * @throws ApiException 415 for a body that is not a protobuf object of a kind listed here
   */
  static ObjectNode toJson(byte[] body) {
    if (body.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(body, MAGIC.length), MAGIC)) {
      throw StatusResponses.unsupportedMediaType(MEDIA_TYPE, "application/json, application/yaml (the protobuf body has no k8s envelope)");
    }
    Runtime.Unknown unknown;
    try {
      unknown = Runtime.Unknown.parseFrom(Arrays.copyOfRange(body, MAGIC.length, body.length));
    } catch (InvalidProtocolBufferException e) {
      throw StatusResponses.unsupportedMediaType(MEDIA_TYPE, "application/json, application/yaml (" + e.getMessage() + ")");
    }
    String apiVersion = unknown.getTypeMeta().getApiVersion();
    String kind = unknown.getTypeMeta().getKind();
    Parser<? extends Message> parser = KINDS.get(apiVersion + "/" + kind);
    if (parser == null) {
      throw StatusResponses.unsupportedMediaType(MEDIA_TYPE + " for " + apiVersion + "/" + kind,
          "application/json, application/yaml; the playground reads protobuf only for " + String.join(", ", KINDS.keySet()));
    }
    Message object;
    try {
      object = parser.parseFrom(unknown.getRaw());
    } catch (InvalidProtocolBufferException e) {
      throw ApiException.of(400, "BadRequest", "the " + kind + " in the protobuf body does not decode: " + e.getMessage());
    }
    ObjectNode json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    json.put("apiVersion", apiVersion);
    json.put("kind", kind);
    JsonNode fields = ProtobufJson.toJson(object);
    if (fields instanceof ObjectNode members) {
      json.setAll(members);
    }
    return json;
  }
}
