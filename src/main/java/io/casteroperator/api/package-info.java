/**
 * The {@code Caster} custom resource: what users write ({@link io.casteroperator.api.CasterSpec})
 * and what the operator reports ({@link io.casteroperator.api.CasterStatus}).
 *
 * <p>The Javadoc of every field here is the documentation users see: the build copies it into the
 * CRD's {@code description}s ({@link io.casteroperator.api.crd.CrdGenerator}), so
 * {@code kubectl explain casters.spec} shows it. The validation annotations are the single source
 * of the schema rules, read both by the CRD generator and by the operator's own validator.
 */
package io.casteroperator.api;
