package io.casteroperator.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gnostic encoding puts each part of a Swagger document at the field numbers of gnostic's
 * openapiv2/OpenAPIv2.proto (read back here with protobuf-java's schema-less parser). KubectlIT
 * checks that kubectl itself reads the whole document ({@code kubectl explain
 * --output=plaintext-openapiv2}).
 */
class OpenApiV2ProtobufTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static UnknownFieldSet message(ByteString bytes) throws InvalidProtocolBufferException {
    return UnknownFieldSet.parseFrom(bytes);
  }

  /** The only length-delimited value of a field. */
  private static ByteString only(UnknownFieldSet message, int field) {
    List<ByteString> values = message.getField(field).getLengthDelimitedList();
    assertEquals(1, values.size(), "field " + field + " of " + message);
    return values.get(0);
  }

  private static String text(UnknownFieldSet message, int field) {
    return only(message, field).toString(StandardCharsets.UTF_8);
  }

  @Test
  void definitionsCarryTheSchemaKeywordsAndVendorExtensions() throws Exception {
    JsonNode document = JSON.readTree("""
        {"swagger": "2.0", "info": {"title": "Kubernetes", "version": "v1.32.0"},
         "definitions": {"io.x.v1.Thing": {
           "type": "object", "required": ["spec"],
           "properties": {"delay": {"type": "number", "maximum": 300, "description": "Stream delay"}},
           "x-kubernetes-group-version-kind": [{"group": "x", "kind": "Thing", "version": "v1"}]}}}""");
    UnknownFieldSet root = UnknownFieldSet.parseFrom(OpenApiV2Protobuf.encode(document));

    assertEquals("2.0", text(root, 1));                                        // Document.swagger
    assertEquals("v1.32.0", text(message(only(root, 2)), 2));                 // Document.info -> Info.version
    UnknownFieldSet named = message(only(message(only(root, 9)), 1));          // definitions -> NamedSchema
    assertEquals("io.x.v1.Thing", text(named, 1));
    UnknownFieldSet schema = message(only(named, 2));
    assertEquals("object", text(message(only(schema, 22)), 1));               // Schema.type -> TypeItem.value
    assertEquals("spec", text(schema, 19));                                    // Schema.required
    UnknownFieldSet delay = message(only(message(only(message(only(schema, 25)), 1)), 2)); // properties -> NamedSchema.value
    assertEquals("Stream delay", text(delay, 4));                              // Schema.description
    assertEquals(300.0, Double.longBitsToDouble(delay.getField(7).getFixed64List().get(0))); // Schema.maximum
    UnknownFieldSet extension = message(only(schema, 31));                    // Schema.vendor_extension -> NamedAny
    assertEquals("x-kubernetes-group-version-kind", text(extension, 1));
    assertEquals("[{\"group\":\"x\",\"kind\":\"Thing\",\"version\":\"v1\"}]", text(message(only(extension, 2)), 2)); // Any.yaml
  }

  @Test
  void operationsCarryTheirParametersAndTags() throws Exception {
    JsonNode document = JSON.readTree("""
        {"swagger": "2.0", "paths": {"/apis/x/v1/things/{name}": {"patch": {
          "operationId": "patchThing", "consumes": ["application/merge-patch+json"],
          "parameters": [{"name": "fieldValidation", "in": "query", "type": "string", "uniqueItems": true},
                         {"name": "body", "in": "body", "required": true, "schema": {"$ref": "#/definitions/Patch"}}],
          "x-kubernetes-action": "patch"}}}}""");
    UnknownFieldSet root = UnknownFieldSet.parseFrom(OpenApiV2Protobuf.encode(document));
    UnknownFieldSet path = message(only(message(only(root, 8)), 2));          // paths -> NamedPathItem
    assertEquals("/apis/x/v1/things/{name}", text(path, 1));
    UnknownFieldSet patch = message(only(message(only(path, 2)), 8));         // PathItem.patch
    assertEquals("patchThing", text(patch, 5));
    assertEquals("application/merge-patch+json", text(patch, 7));
    List<ByteString> parameters = patch.getField(8).getLengthDelimitedList();
    UnknownFieldSet query = message(only(message(only(message(only(message(parameters.get(0)), 1)), 2)), 3));
    assertEquals("fieldValidation", text(query, 4));                           // QueryParameterSubSchema.name
    assertEquals("query", text(query, 2));
    UnknownFieldSet body = message(only(message(only(message(parameters.get(1)), 1)), 1));
    assertEquals("body", text(body, 2));
    assertEquals("#/definitions/Patch", text(message(only(body, 5)), 1));     // BodyParameter.schema -> Schema._ref
    assertEquals("x-kubernetes-action", text(message(only(patch, 13)), 1));   // Operation.vendor_extension
  }
}
