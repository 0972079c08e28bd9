package io.casteroperator.reconciler;

import io.casteroperator.api.Caster;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Secrets that Casters name, and only those. A Secret is read with a GET by name the first time
 * a Caster needs it, then kept up to date by a watch on that one name (fieldSelector
 * metadata.name=...), so a rotated key is used within moments; when no Caster names it any more,
 * the watch is closed and the Secret forgotten. Memory and RBAC (get and watch, never list) grow
 * with the Secrets in use, not with every Secret of the watched namespaces (Helm releases,
 * service-account tokens, other teams' keys).
 *
 * <p>Which Secrets a Caster names is learned from its reconciles: a Secret it did not ask for in
 * its last reconcile is released by it.
 */
final class ReferencedSecrets implements SecretSource, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ReferencedSecrets.class);

  private record Key(String namespace, String name) {
    @Override
    public String toString() {
      return namespace + "/" + name;
    }
  }

  /** One Secret in use: its last known value, its watch, and the Casters that name it. */
  private final class Entry implements Watcher<Secret> {
    final Key key;
    final Set<ResourceID> users = new HashSet<>();
    volatile Secret secret;
    Watch watch;
    volatile boolean loaded;
    boolean closed;

    Entry(Key key) {
      this.key = key;
    }

    @Override
    public void eventReceived(Action action, Secret value) {
      if (action == Action.BOOKMARK) {
        return;
      }
      Secret before = secret;
      secret = action == Action.DELETED ? null : value;
      // A new watch begins by telling what the read that goes with it has just seen: waking every
      // Caster that shares the Secret for that would have them all reconcile for nothing. Before
      // the first read, the Caster that asked is about to get the value anyway.
      if (loaded && !sameVersion(before, secret)) {
        notifyUsers();
      }
    }

    @Override
    public void onClose(WatcherException cause) {
      // fabric8 reconnects by itself; it gives up only on errors such as 410 Gone: read afresh.
      synchronized (this) {
        if (closed) {
          return;
        }
      }
      LOG.info("watch of Secret {} closed ({}); reading it again", key, cause.getMessage());
      refresh();
      notifyUsers();
    }

    void notifyUsers() {
      Set<ResourceID> toWake;
      synchronized (ReferencedSecrets.this) {
        toWake = Set.copyOf(users);
      }
      toWake.forEach(changed);
    }

    /**
     * The Secret as known, read (and watched) first if it is not known yet. Decided under the
     * entry's lock: Casters that share a Secret and reconcile at the same moment open one watch.
     */
    synchronized Secret current() {
      if (!loaded || watch == null) { // no watch: it could not be opened, so read on every use
        refresh();
      }
      return secret;
    }

    /** Reads the Secret, and watches it from then on. */
    synchronized void refresh() {
      if (closed) {
        return;
      }
      if (watch != null) {
        watch.close();
        watch = null;
      }
      try {
        // Watch first: a change between the read and the watch is then not missed.
        watch = client.secrets().inNamespace(key.namespace()).withName(key.name()).watch(this);
      } catch (KubernetesClientException e) {
        LOG.warn("cannot watch Secret {} ({}): it is read again on every use", key, e.getMessage());
      }
      secret = client.secrets().inNamespace(key.namespace()).withName(key.name()).get();
      loaded = true;
    }

    synchronized void close() {
      closed = true;
      if (watch != null) {
        watch.close();
      }
    }
  }

  private final KubernetesClient client;
  private final Consumer<ResourceID> changed;
  private final Map<Key, Entry> entries = new HashMap<>();
  /** What each Caster named in its last reconcile, and what it names in the current one. */
  private final Map<ResourceID, Set<Key>> named = new ConcurrentHashMap<>();
  private final Map<ResourceID, Set<Key>> naming = new ConcurrentHashMap<>();

  /** @param changed told which Caster to reconcile when a Secret it names changes */
  ReferencedSecrets(KubernetesClient client, Consumer<ResourceID> changed) {
    this.client = client;
    this.changed = changed;
  }

  @Override
  public Secret secret(Caster user, String namespace, String name) {
    ResourceID id = ResourceID.fromResource(user);
    Key key = new Key(namespace, name);
    naming.computeIfAbsent(id, u -> ConcurrentHashMap.newKeySet()).add(key);
    Entry entry;
    synchronized (this) {
      entry = entries.computeIfAbsent(key, Entry::new);
      entry.users.add(id);
    }
    return entry.current();
  }

  private static boolean sameVersion(Secret a, Secret b) {
    if (a == null || b == null) {
      return a == b;
    }
    return Objects.equals(a.getMetadata().getResourceVersion(), b.getMetadata().getResourceVersion());
  }

  /** The Caster's reconcile is over: the Secrets it named before and not this time are released by it. */
  void reconciled(Caster user) {
    ResourceID id = ResourceID.fromResource(user);
    Set<Key> now = naming.remove(id);
    Set<Key> before = now == null ? named.remove(id) : named.put(id, now);
    if (before != null) {
      before.stream().filter(k -> now == null || !now.contains(k)).forEach(k -> release(id, k));
    }
  }

  /** The Caster is gone: it names nothing any more. */
  void forget(ResourceID user) {
    naming.remove(user);
    Set<Key> before = named.remove(user);
    if (before != null) {
      before.forEach(k -> release(user, k));
    }
  }

  /** How many Secrets are held (and watched) now. */
  synchronized int size() {
    return entries.size();
  }

  private void release(ResourceID user, Key key) {
    Entry dropped = null;
    synchronized (this) {
      Entry entry = entries.get(key);
      if (entry != null && entry.users.remove(user) && entry.users.isEmpty()) {
        entries.remove(key);
        dropped = entry;
      }
    }
    if (dropped != null) {
      dropped.close();
    }
  }

  @Override
  public void close() {
    Set<Entry> all;
    synchronized (this) {
      all = Set.copyOf(entries.values());
      entries.clear();
    }
    all.forEach(Entry::close);
  }
}
