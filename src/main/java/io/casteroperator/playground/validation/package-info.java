/**
 * What the Kubernetes API server checks when a Caster is written, for the playground's in-process
 * API server and for the schema tests (one implementation for both): structural pruning and
 * defaulting, the CRD's openAPIV3Schema (networknt JSON Schema, with RE2 for patterns), its
 * x-kubernetes-validations rules (dev.cel), transition rules and validation ratcheting.
 *
 * <p>Playground only: the production {@code run} command never loads these classes, and the
 * libraries behind them (networknt, re2j, dev.cel) are on the class path for the playground alone.
 */
package io.casteroperator.playground.validation;
