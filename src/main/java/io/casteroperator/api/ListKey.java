package io.casteroperator.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A list of objects keyed by one of their fields: the CRD marks it {@code x-kubernetes-list-type:
 * map} with that key, so the API server refuses two items with the same key and server-side apply
 * (kubectl apply --server-side, Argo CD) merges the list item by item instead of replacing it. The
 * fabric8 generator has no annotation for it, so {@link io.casteroperator.api.crd.CrdGenerator}
 * applies this one, and the operator's validator reads it too.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD})
public @interface ListKey {
  /** The field of each item that is its key; it must be required. */
  String value();
}
