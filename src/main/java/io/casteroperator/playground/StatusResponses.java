package io.casteroperator.playground;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;

/** kube-apiserver's {@code Status} answers. */
final class StatusResponses {

  private StatusResponses() {}

  static ObjectNode status(int code, String reason, String message) {
    ObjectNode status = JsonNodeFactory.instance.objectNode();
    status.put("kind", "Status");
    status.put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", "Failure");
    status.put("message", message);
    status.put("reason", reason);
    status.put("code", code);
    return status;
  }

  static MockResponse failure(int code, String reason, String message) {
    return json(code, status(code, reason, message).toString());
  }

  static MockResponse json(int code, String body) {
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
  }

  /** 415, as kube-apiserver answers a body it cannot decode. */
  static ApiException unsupportedMediaType(String contentType, String accepted) {
    return ApiException.of(415, "UnsupportedMediaType", "the body of the request was in an unknown format - accepted media types include: "
        + accepted + (contentType == null ? "" : " (got " + contentType + ")"));
  }
}
