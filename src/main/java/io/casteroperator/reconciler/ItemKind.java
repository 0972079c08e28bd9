package io.casteroperator.reconciler;

import io.casteroperator.config.FieldDifference;
import io.casteroperator.config.studio.ComponentValue;
import io.casteroperator.config.studio.InputValue;
import io.casteroperator.config.studio.LayoutValue;
import io.casteroperator.live.LiveAction;
import io.casteroperator.live.LiveClient;
import io.casteroperator.live.LiveResult;
import java.util.List;

/**
 * One kind of studio item that is added, modified and deleted by id (inputs, layouts, overlays):
 * its calls, what only an add can set, how it is found again without a recorded id, and how it is
 * compared with what the cloud reports.
 */
record ItemKind<V>(StudioList list, LiveAction addAction, LiveAction modifyAction, LiveAction deleteAction,
    Adder<V> adder, Modifier<V> modifier, Deleter deleter, Rules<V> rules) {

  interface Adder<V> {
    LiveResult<String> add(LiveClient client, String casterId, V value);
  }

  interface Modifier<V> {
    LiveResult<Void> modify(LiveClient client, String casterId, String id, V value);
  }

  interface Deleter {
    LiveResult<Void> delete(LiveClient client, String casterId, String id);
  }

  /** What the engine needs to know about the values of a kind. */
  interface Rules<V> {
    /** What only adding the item again can change. */
    Object fixedPart(V value);

    /** Where it sits (inputs, overlays), for status; null for layouts. */
    String location(V value);

    /** Whether a cloud item with no recorded name is this one (a crash between an add and its status write, or adoption). */
    boolean sameItem(V wanted, V seen);

    /** Where the cloud's item differs from the wanted one, in what a read shows. */
    List<FieldDifference> differences(V wanted, V seen, String path);

    /** Whether the value sets a field that no read shows (so a found item is written once to be sure). */
    boolean setsUnreadable(V value);

    /** Whether the value sets a field that no read shows and only an add can set (a found item is added again). */
    boolean setsUnreadableFixed(V value);

    /** The name of a cloud item in the console, for the list of unmanaged items. */
    String cloudName(V value);
  }

  static final ItemKind<InputValue> INPUTS = new ItemKind<>(StudioList.INPUTS, LiveAction.AddCasterVideoResource,
      LiveAction.ModifyCasterVideoResource, LiveAction.DeleteCasterVideoResource, LiveClient::addInput, LiveClient::modifyInput,
      LiveClient::deleteInput, new Rules<>() {
        public Object fixedPart(InputValue v) {
          return v.fixedPart();
        }

        public String location(InputValue v) {
          return v.locationId();
        }

        public boolean sameItem(InputValue wanted, InputValue seen) {
          return wanted.locationId().equals(seen.locationId());
        }

        public List<FieldDifference> differences(InputValue wanted, InputValue seen, String path) {
          return wanted.differencesFrom(seen, path);
        }

        public boolean setsUnreadable(InputValue v) {
          return setsUnreadableFixed(v);
        }

        public boolean setsUnreadableFixed(InputValue v) {
          return v.fixedDelayDuration() != null && v.fixedDelayDuration() != 0;
        }

        public String cloudName(InputValue v) {
          return v.name();
        }
      });

  static final ItemKind<LayoutValue> LAYOUTS = new ItemKind<>(StudioList.LAYOUTS, LiveAction.AddCasterLayout,
      LiveAction.ModifyCasterLayout, LiveAction.DeleteCasterLayout, LiveClient::addLayout, LiveClient::modifyLayout,
      LiveClient::deleteLayout, new Rules<>() {
        public Object fixedPart(LayoutValue v) {
          return List.of(); // everything of a layout can be modified
        }

        public String location(LayoutValue v) {
          return null;
        }

        public boolean sameItem(LayoutValue wanted, LayoutValue seen) {
          // A layout has no name or key in the cloud: only the same content tells it is this one.
          return wanted.differencesFrom(seen, "").isEmpty();
        }

        public List<FieldDifference> differences(LayoutValue wanted, LayoutValue seen, String path) {
          return wanted.differencesFrom(seen, path);
        }

        public boolean setsUnreadable(LayoutValue v) {
          return false;
        }

        public boolean setsUnreadableFixed(LayoutValue v) {
          return false;
        }

        public String cloudName(LayoutValue v) {
          return null;
        }
      });

  static final ItemKind<ComponentValue> COMPONENTS = new ItemKind<>(StudioList.COMPONENTS, LiveAction.AddCasterComponent,
      LiveAction.ModifyCasterComponent, LiveAction.DeleteCasterComponent, LiveClient::addComponent,
      LiveClient::modifyComponent, LiveClient::deleteComponent, new Rules<>() {
        public Object fixedPart(ComponentValue v) {
          return v.fixedPart();
        }

        public String location(ComponentValue v) {
          return v.locationId();
        }

        public boolean sameItem(ComponentValue wanted, ComponentValue seen) {
          // Captions of one input share its location: their name tells them apart.
          return wanted.locationId().equals(seen.locationId())
              && (!"caption".equals(wanted.type()) || wanted.name().equals(seen.name()));
        }

        public List<FieldDifference> differences(ComponentValue wanted, ComponentValue seen, String path) {
          return wanted.differencesFrom(seen, path);
        }

        public boolean setsUnreadable(ComponentValue v) {
          return setsUnreadableFixed(v) || v.content().keySet().stream().anyMatch(ComponentValue.UNREADABLE_CAPTION_FIELDS::contains);
        }

        public boolean setsUnreadableFixed(ComponentValue v) {
          return v.layerOrder() != null;
        }

        public String cloudName(ComponentValue v) {
          return v.name();
        }
      });
}
