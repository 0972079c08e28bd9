package io.casteroperator.playground.validation;

/**
 * One reason the API server refuses an object, as kube-apiserver reports it in a Status cause.
 *
 * @param field the field path, {@code spec.sideOutputUrlList[3]}; empty for the object itself
 * @param rule what refused it: the JSON-schema keyword ({@code maximum}, {@code required}...),
 *     {@code cel} for an x-kubernetes-validations rule, {@code celError} for a rule that could not
 *     be evaluated
 * @param reason the cause reason kube-apiserver gives ({@code FieldValueInvalid},
 *     {@code FieldValueRequired}, {@code FieldValueTooLong}...)
 * @param message the cause message, without the field path ({@code Invalid value: 301: spec.delay in
 *     body should be less than or equal to 300})
 */
public record FieldError(String field, String rule, String reason, String message) {

  /** As kubectl prints it: {@code spec.delay: Invalid value: ...}. */
  @Override
  public String toString() {
    return field.isEmpty() ? message : field + ": " + message;
  }
}
