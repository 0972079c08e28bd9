package io.casteroperator.config;

/**
 * A rule the spec breaks.
 *
 * @param path the field, such as {@code spec.delay} or {@code spec.sideOutputUrlList[3]}
 * @param rule the schema keyword that refuses it ({@code maximum}, {@code pattern}, {@code
 *     maxLength}, {@code maxItems}, {@code minimum}, {@code required}, {@code type}, {@code enum}),
 *     {@code cel} for an x-kubernetes-validations rule, or {@code unknownField}
 * @param message a sentence for the user, naming the field
 */
public record Violation(String path, String rule, String message) {}
