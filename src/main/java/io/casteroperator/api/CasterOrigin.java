package io.casteroperator.api;

/** How the Caster came to manage its cloud caster. */
public enum CasterOrigin {
  /** The operator created the caster with CreateCaster. */
  Created,
  /** The caster existed and was adopted by spec.casterId. */
  Adopted
}
