package io.casteroperator.reconciler;

import io.casteroperator.config.FieldDifference;
import io.casteroperator.config.studio.DesiredStudio;
import java.util.ArrayList;
import java.util.List;

/**
 * The studio's part of one reconcile: what the spec asks for, the book of items, the read (if one
 * was made this time), and what was changed, found drifted and corrected.
 */
final class StudioPass {

  final DesiredStudio desired;
  final StudioBook book;
  final boolean write;
  final boolean prune;
  ObservedStudio observed;
  /** Whether the pass had to stop (a call waits for its slot, or the caster itself failed). */
  boolean stopped;
  final List<FieldDifference> drift = new ArrayList<>();
  final List<FieldDifference> corrected = new ArrayList<>();
  final List<String> changes = new ArrayList<>();

  StudioPass(DesiredStudio desired, StudioBook book, boolean write, boolean prune) {
    this.desired = desired;
    this.book = book;
    this.write = write;
    this.prune = prune;
  }

  void changed(String what) {
    changes.add(what);
  }
}
