package io.casteroperator.reconciler;

/** The lists of a studio, as spec and status name them, and what one item is called in messages. */
enum StudioList {
  INPUTS("videoResources", "input"),
  CHANNELS("channels", "channel"),
  LAYOUTS("layouts", "layout"),
  COMPONENTS("components", "overlay"),
  SCENES("scenes", "scene");

  final String field;
  final String noun;

  StudioList(String field, String noun) {
    this.field = field;
    this.noun = noun;
  }

  /** The path of an item in messages and status.drift: {@code layouts[pip]}. */
  String path(String name) {
    return field + "[" + name + "]";
  }
}
