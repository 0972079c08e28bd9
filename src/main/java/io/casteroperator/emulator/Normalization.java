package io.casteroperator.emulator;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A change the service may make to a value it is given before storing it (a real service
 * lower-cases a domain, say), so that what DescribeCasterConfig reports differs from what was sent.
 * Off for every field by default; switched on per field with the {@code normalizeOnWrite} setting.
 * Another normalisation is one more constant here.
 */
enum Normalization {
  LOWERCASE("lowercase", v -> v.toLowerCase(Locale.ROOT));

  /** Plain string parameters only: rewriting a JSON or numeric parameter would make it invalid. */
  static final Set<String> NORMALIZABLE =
      Set.of(
          "CasterName", "DomainName", "ProgramName", "CallbackUrl", "SideOutputUrl", "UrgentImageId", "UrgentImageUrl",
          "UrgentLiveStreamUrl", "UrgentMaterialId");

  private final String settingName;
  private final UnaryOperator<String> change;

  Normalization(String settingName, UnaryOperator<String> change) {
    this.settingName = settingName;
    this.change = change;
  }

  String settingName() {
    return settingName;
  }

  String apply(String value) {
    return value == null ? null : change.apply(value);
  }

  static Normalization byName(String name) {
    return Arrays.stream(values())
        .filter(n -> n.settingName.equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown normalisation " + name + "; known: "
            + Arrays.stream(values()).map(Normalization::settingName).collect(Collectors.joining(", "))));
  }

  static void requireNormalizable(String parameter) {
    if (!NORMALIZABLE.contains(parameter)) {
      throw new IllegalArgumentException("Cannot normalise " + parameter + "; one of " + NORMALIZABLE.stream().sorted().toList());
    }
  }
}
