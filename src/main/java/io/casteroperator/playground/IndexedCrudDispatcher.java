package io.casteroperator.playground;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * fabric8's CRUD dispatcher finds the object of every get, create, patch and update by testing each
 * object it stores, under its one lock: with thousands of Casters that scan, not the operator, is
 * what a benchmark measured. This keeps an index by kind, namespace and name beside the store,
 * maintained where the store changes ({@link #processEvent}, which every create, update, patch and
 * delete goes through under the write lock), and answers those lookups from it: an id it does not
 * hold is not stored. What it cannot answer exactly (no namespace or name in the path, one id under
 * two keys, a stored key that does not match the query) falls back to the scan.
 */
class IndexedCrudDispatcher extends KubernetesCrudDispatcher {

  /** Written under the dispatcher's write lock; read under it, or without it by {@link #handleGet}. */
  private final Map<String, AttributeSet> index = new ConcurrentHashMap<>();
  /** Ids stored under more than one key (say, one plural in two API groups): always scanned. */
  private final Set<String> ambiguous = ConcurrentHashMap.newKeySet();

  @Override
  public Map.Entry<AttributeSet, String> findResource(AttributeSet query) {
    String id = id(query);
    if (id == null || ambiguous.contains(id)) {
      return super.findResource(query);
    }
    AttributeSet key = index.get(id);
    if (key == null) {
      return null;
    }
    String value = map.get(key);
    if (value == null || !key.matches(query)) {
      return super.findResource(query);
    }
    return new AbstractMap.SimpleImmutableEntry<>(key, value);
  }

  /**
   * A GET of one object by name, answered from the index when it holds a matching key; anything
   * else (lists, watches, misses) as the mock does. Outside the lock, as a real API server may
   * answer a read that races a write with either version.
   */
  @Override
  public MockResponse handleGet(String path) {
    if (!path.contains("watch=")) {
      AttributeSet query = attributeExtractor.fromPath(path);
      String id = id(query);
      AttributeSet key = id == null || ambiguous.contains(id) ? null : index.get(id);
      String value = key == null ? null : map.get(key);
      if (value != null && key.matches(query)) {
        return new MockResponse().setResponseCode(200).setBody(value);
      }
    }
    return super.handleGet(path);
  }

  @Override
  public void processEvent(String path, AttributeSet pathAttributes, AttributeSet oldAttributes,
      GenericKubernetesResource resource, String newState) {
    String previous = oldAttributes == null ? null : map.get(oldAttributes);
    super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
    if (oldAttributes != null) {
      String old = id(oldAttributes);
      if (old != null) {
        index.remove(old, oldAttributes);
      }
    }
    AttributeSet stored = null;
    if (newState != null) {
      stored = storedKey(pathAttributes, resource, newState);
      String id = id(stored);
      if (id != null && map.containsKey(stored)) {
        AttributeSet other = index.put(id, stored);
        if (other != null && !other.equals(stored) && map.containsKey(other)) {
          ambiguous.add(id);
        }
      }
    }
    if (!java.util.Objects.equals(previous, newState)) {
      changed(oldAttributes, previous, stored, newState);
    }
  }

  /**
   * After the store changed, still under its write lock: {@code previous} is null for a create,
   * {@code current} null for a delete.
   */
  protected void changed(AttributeSet oldKey, String previous, AttributeSet newKey, String current) {}

  /** Not for use while requests are served: the index cannot be cleared under the store's lock. */
  @Override
  public void reset() {
    index.clear();
    ambiguous.clear();
    super.reset();
  }

  /** The key the store used for {@code newState}: as {@link KubernetesCrudDispatcher#processEvent} computes it. */
  private AttributeSet storedKey(AttributeSet pathAttributes, GenericKubernetesResource resource, String newState) {
    KubernetesAttributesExtractor extractor = (KubernetesAttributesExtractor) attributeExtractor;
    AttributeSet key = resource != null ? extractor.extract(resource) : extractor.fromResource(newState);
    return key.containsKey(KubernetesAttributesExtractor.PLURAL) ? key : AttributeSet.merge(pathAttributes, key);
  }

  /** plural/namespace/name, or null when one of them is missing. */
  private static String id(AttributeSet attributes) {
    String plural = value(attributes, KubernetesAttributesExtractor.PLURAL);
    String namespace = value(attributes, KubernetesAttributesExtractor.NAMESPACE);
    String name = value(attributes, KubernetesAttributesExtractor.NAME);
    return plural == null || namespace == null || name == null ? null : plural + "/" + namespace + "/" + name;
  }

  private static String value(AttributeSet attributes, String key) {
    Attribute attribute = attributes.getAttribute(key);
    return attribute == null || attribute.getValues().size() != 1 ? null : attribute.getValues().get(0).toString();
  }
}
