package io.casteroperator.api.crd;

import io.casteroperator.api.EachItem;
import io.casteroperator.api.ListKey;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/**
 * Copies {@link EachItem} rules onto the {@code items} schema of the lists they annotate, and
 * marks lists annotated {@link ListKey} as maps keyed by that field.
 */
final class ItemRules {

  private ItemRules() {}

  static void apply(JSONSchemaProps schema, Class<?> type) {
    if (schema == null || schema.getProperties() == null) {
      return;
    }
    for (Map.Entry<String, JSONSchemaProps> property : schema.getProperties().entrySet()) {
      Field field = field(type, property.getKey());
      if (field == null) {
        continue;
      }
      JSONSchemaProps child = property.getValue();
      EachItem each = field.getAnnotation(EachItem.class);
      if (each != null) {
        JSONSchemaProps items = child.getItems().getSchema();
        items.setMaxLength(each.maxLength());
        if (!each.pattern().isEmpty()) {
          items.setPattern(each.pattern());
        }
      }
      ListKey key = field.getAnnotation(ListKey.class);
      if (key != null) {
        child.setXKubernetesListType("map");
        child.setXKubernetesListMapKeys(List.of(key.value()));
      }
      if (List.class.isAssignableFrom(field.getType())) {
        Class<?> element = elementType(field.getGenericType());
        if (element != null && child.getItems() != null) {
          apply(child.getItems().getSchema(), element);
        }
      } else {
        apply(child, field.getType());
      }
    }
  }

  private static Class<?> elementType(Type type) {
    if (type instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
      return c;
    }
    return null;
  }

  private static Field field(Class<?> type, String name) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        return c.getDeclaredField(name);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    return null;
  }
}
