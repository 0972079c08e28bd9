package io.casteroperator.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Schema rules for every item of a list of strings ({@code items.maxLength}, {@code
 * items.pattern}). The fabric8 generator has no annotation for item rules, so
 * {@link io.casteroperator.api.crd.CrdGenerator} applies this one, and the operator's validator
 * reads it too.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD})
public @interface EachItem {
  /** Maximum length of each item. */
  long maxLength();

  /** Pattern that each item must match; empty for none. */
  String pattern() default "";
}
