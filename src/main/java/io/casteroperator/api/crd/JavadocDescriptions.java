package io.casteroperator.api.crd;

import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedField;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.github.therapi.runtimejavadoc.CommentFormatter;
import com.github.therapi.runtimejavadoc.RuntimeJavadoc;
import java.lang.reflect.Field;
import java.util.Locale;

/**
 * Gives Jackson (and so the CRD generator) a property's Javadoc as its description: the field's
 * Javadoc, or, for a property without one (spec and status of CustomResource), the Javadoc of the
 * property's type. Javadoc is kept at run time by the therapi annotation processor.
 */
final class JavadocDescriptions extends NopAnnotationIntrospector {

  private static final CommentFormatter FORMATTER = new CommentFormatter();
  private static final String API_PACKAGE = "io.casteroperator.api";

  @Override
  public String findPropertyDescription(Annotated annotated) {
    if (annotated instanceof AnnotatedField field) {
      return describe(field.getAnnotated(), field.getRawType());
    }
    if (annotated instanceof AnnotatedMethod method && method.getParameterCount() == 0) {
      Class<?> owner = method.getDeclaringClass();
      Field field = findField(owner, propertyName(method.getName()));
      return describe(field, method.getRawReturnType());
    }
    return null;
  }

  private static String describe(Field field, Class<?> type) {
    String doc = field == null ? "" : FORMATTER.format(RuntimeJavadoc.getJavadoc(field).getComment());
    if (doc.isBlank() && type.getPackageName().equals(API_PACKAGE)) {
      doc = classDescription(type);
    }
    return doc.isBlank() ? null : clean(doc);
  }

  /** The Javadoc of a class of the API package, as a description. */
  static String classDescription(Class<?> type) {
    return clean(FORMATTER.format(RuntimeJavadoc.getJavadoc(type).getComment()));
  }

  /** One paragraph of plain text: Javadoc markup and line breaks mean nothing to kubectl explain. */
  private static String clean(String doc) {
    return doc.replaceAll("\\{@(code|literal) ([^}]*)}", "$2")
        .replaceAll("\\{@link(plain)? (?:[^} ]+ )?([^} ]+)}", "$2")
        .replaceAll("</?[a-z]+>", "")
        .replaceAll("\\s+", " ")
        .trim();
  }

  private static String propertyName(String accessor) {
    String bare = accessor.startsWith("get") ? accessor.substring(3)
        : accessor.startsWith("is") ? accessor.substring(2) : accessor;
    return bare.isEmpty() ? bare : bare.substring(0, 1).toLowerCase(Locale.ROOT) + bare.substring(1);
  }

  private static Field findField(Class<?> type, String name) {
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
