package io.casteroperator.playground;

import com.fasterxml.jackson.databind.JsonNode;

/** The field and label selectors of a list or watch: which objects it sees. */
record Selection(FieldSelectors fields, LabelSelectors labels) {

  static Selection of(ApiRequest request, String resource) {
    return new Selection(FieldSelectors.parse(request.parameter("fieldSelector"), resource),
        LabelSelectors.parse(request.parameter("labelSelector")));
  }

  boolean matches(JsonNode object) {
    return object != null && fields.matches(object) && labels.matches(object);
  }
}
