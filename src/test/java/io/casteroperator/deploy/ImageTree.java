package io.casteroperator.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * target/image: the image's file tree, which `mvn package` builds and deploy/Dockerfile copies onto
 * the JRE base ({@code COPY . /}). Paths here are relative to the tree's root, as in the image.
 */
final class ImageTree {

  static final Path ROOT = Path.of("target/image");
  static final String JAR = "app/caster-operator.jar";

  private ImageTree() {}

  /** Every regular file of the tree with its size, by path relative to the root ("app/lib/x.jar"). */
  static Map<String, Long> files() {
    if (!Files.isRegularFile(ROOT.resolve(JAR))) {
      throw new AssertionError(ROOT.resolve(JAR) + " is missing: `mvn -B package` builds the image tree");
    }
    Map<String, Long> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(ROOT)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(ROOT.relativize(file).toString().replace('\\', '/'), Files.size(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** The Class-Path entries of the jar's manifest, relative to the jar's directory (/app). */
  static List<String> manifestClassPath() {
    try (JarFile jar = new JarFile(ROOT.resolve(JAR).toFile())) {
      String classPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
      return Arrays.stream(classPath.strip().split("\\s+")).map(e -> e.startsWith("./") ? e.substring(2) : e).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long bytes() {
    return files().values().stream().mapToLong(Long::longValue).sum();
  }
}
