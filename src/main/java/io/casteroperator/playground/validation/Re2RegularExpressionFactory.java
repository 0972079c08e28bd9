package io.casteroperator.playground.validation;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;

/**
 * Makes networknt evaluate {@code pattern} with RE2 (re2j), the engine of the Kubernetes API
 * server, with its semantics: the pattern may match anywhere in the value (it is not implicitly
 * anchored), and {@code $} matches only at the very end of the text. networknt's default JDK engine
 * lets {@code $} match before a final line break, so it would accept {@code "live.example.com\n"},
 * which Kubernetes refuses.
 */
public final class Re2RegularExpressionFactory implements RegularExpressionFactory {

  public static final Re2RegularExpressionFactory INSTANCE = new Re2RegularExpressionFactory();

  private Re2RegularExpressionFactory() {}

  @Override
  public RegularExpression getRegularExpression(String regex) {
    com.google.re2j.Pattern pattern = com.google.re2j.Pattern.compile(regex);
    return value -> pattern.matcher(value).find();
  }

  /** For code that is not given a validation context. */
  public static boolean find(String regex, String value) {
    return INSTANCE.getRegularExpression(regex).matches(value);
  }
}
