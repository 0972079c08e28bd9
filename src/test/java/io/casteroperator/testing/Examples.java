package io.casteroperator.testing;

import io.casteroperator.api.Caster;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The Caster manifests under deploy/examples/, read as the operator reads them. */
public final class Examples {

  public static final Path DIRECTORY = Path.of("deploy", "examples");

  private Examples() {}

  /** Every example file name. */
  public static List<String> names() {
    try (Stream<Path> files = Files.list(DIRECTORY)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One example, by file name. */
  public static Caster load(String name) {
    return parse(read(name));
  }

  public static String read(String name) {
    try {
      return Files.readString(DIRECTORY.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Caster parse(String yaml) {
    return Serialization.unmarshal(yaml, Caster.class);
  }
}
