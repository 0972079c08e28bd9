package io.casteroperator.emulator;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * How a studio action reaches its caster: the CasterId parameter, the caller's account and region,
 * the store's lock, and the state rule that a switch adds to changes of studio items.
 */
final class StudioAccess {
  final CasterStore store;
  final EmulatorSettings settings;

  StudioAccess(CasterStore store, EmulatorSettings settings) {
    this.store = store;
    this.settings = settings;
  }

  <R> R read(Caller who, Map<String, String> p, Function<StoredCaster, R> work) {
    return store.withCaster(who.account(), who.region(), Params.casterId(p), work);
  }

  /**
   * A change to a resource, layout or component through the API. Whether the service refuses such
   * changes on a running studio is not documented (studio-api-notes §9.8): allowed unless the
   * {@code rejectStudioChangesWhileRunning} switch is on.
   */
  <R> R change(Caller who, Map<String, String> p, Function<StoredCaster, R> work) {
    return read(who, p, c -> {
      if (settings.rejectStudioChangesWhileRunning() && c.running) {
        throw ApiError.INCORRECT_CASTER_STATUS_INUSE.exception("Caster " + c.id + " is running; stop it before changing its studio.");
      }
      return work.apply(c);
    });
  }

  /** A change the console makes: any region, any account, no state rule. Unknown caster: NoSuchElementException. */
  <R> R console(String casterId, Function<StoredCaster, R> work) {
    return CloudConsole.unwrap(() -> store.withCaster(null, null, casterId, work));
  }

  /** Ids the cloud assigns (ResourceId, LayoutId, ComponentId, SceneId) are UUIDs in every example. */
  static String newId() {
    return UUID.randomUUID().toString();
  }
}
