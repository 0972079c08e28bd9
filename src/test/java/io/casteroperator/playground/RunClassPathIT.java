package io.casteroperator.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No playground-, bench- or test-only class is reachable from {@code run} on the image's class path.
 *
 * <p>Starting from what {@code run} loads (the main class, the run command, and every service
 * provider the image's jars declare, which ServiceLoader may load), the check follows every class
 * named in a class file's constant pool (its references and the descriptors of its fields and
 * methods), through the image tree: the jar and the libraries of target/image/app/lib. A class that
 * is found only outside it, in target/lib-playground (the playground's, the bench's and the build's
 * libraries) or on the test class path, or in the playground and bench packages, fails the test with
 * the chain that reaches it. This over-approximates what the JVM loads (a reference in a method that
 * never runs counts), which is what makes it a guard: the image would throw NoClassDefFoundError the
 * day such a method ran, or sooner: the verifier loads a class named in a method that never runs
 * when it must check that it extends another (Bouncy Castle's provider, which the Alibaba SDK's SM3
 * signer names, is such a class; ImageSandboxIT found it). There are no exceptions. Classes found
 * nowhere are optional dependencies of the libraries (logback's Janino, say) and are not followed.
 *
 * <p>{@link PlaygroundOnlyDependenciesTest} checks the operator's own classes for direct references
 * before packaging; this check covers what they reach through the libraries, on the built layout.
 */
class RunClassPathIT {

  private static final Path TREE = Path.of("target/image/app");

  /** Where run starts. The playground and bench commands are built by picocli from their signatures only. */
  private static final List<String> ROOTS = List.of("io/casteroperator/cli/Main", "io/casteroperator/cli/RunCommand");
  private static final Set<String> SIGNATURE_ONLY = Set.of("io/casteroperator/cli/PlaygroundCommand",
      "io/casteroperator/cli/BenchCommand", "io/casteroperator/cli/BenchServersCommand");

  private static ClassPath classPath;

  @BeforeAll
  static void index() {
    classPath = ClassPath.ofImageAndBuild();
  }

  @AfterAll
  static void close() {
    if (classPath != null) {
      classPath.close();
    }
  }

  @Test
  void runReachesNoPlaygroundBenchOrTestOnlyClass() {
    Reach reach = classPath.reach(ROOTS, true);
    System.out.printf("run reaches %d classes of the image's class path (%d references resolve nowhere)%n",
        reach.reached, reach.unresolved);
    assertTrue(reach.reached > 1000, "the walk went through the libraries: " + reach.reached);
    assertEquals(Map.of(), reach.outside, "classes reachable from run that the image does not have, with how run reaches them");
  }

  /** The same walk from the playground's API server does leave the image: the check sees what it looks for. */
  @Test
  void theCheckSeesWhatThePlaygroundReaches() {
    Reach reach = classPath.reach(List.of("io/casteroperator/playground/MockKubernetes"), false);
    assertTrue(reach.outside.keySet().stream().anyMatch(c -> c.startsWith("io/vertx/")), reach.outside.keySet().toString());
    assertTrue(reach.outside.values().stream().anyMatch(where -> where.contains("lib-playground/vertx-core-")),
        "classes are placed in the jars that hold them: " + reach.outside.values());
  }

  /** What a walk found outside the image: class → where it is and the chain from a root. */
  private record Reach(int reached, int unresolved, Map<String, String> outside) {}

  /** The image's classes (the tree's jar and libraries) and, apart, every other class the build has. */
  private static final class ClassPath implements AutoCloseable {
    private final Map<String, Source> image = new HashMap<>();
    private final Map<String, Source> elsewhere = new HashMap<>();
    private final List<JarFile> open = new ArrayList<>();
    private final Set<String> serviceProviders = new LinkedHashSet<>();

    /** A class file's home: a jar or a directory, and a name for messages. */
    private record Source(JarFile jar, Path directory, String name) {}

    static ClassPath ofImageAndBuild() {
      ClassPath classPath = new ClassPath();
      Path jar = TREE.resolve("caster-operator.jar");
      assertTrue(Files.isRegularFile(jar), jar + " is missing: `mvn package` builds the image tree");
      classPath.add(jar, true);
      for (String entry : manifestClassPath(jar)) {
        Path library = TREE.resolve(entry);
        if (Files.isRegularFile(library)) {
          classPath.add(library, true);
        }
      }
      try (Stream<Path> playground = Files.list(Path.of("target/lib-playground"))) {
        playground.sorted().forEach(p -> classPath.add(p, false));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (Path entry : testClassPath()) {
        classPath.add(entry, false);
      }
      return classPath;
    }

    private void add(Path entry, boolean inImage) {
      Map<String, Source> into = inImage ? image : elsewhere;
      try {
        if (Files.isDirectory(entry)) {
          Source source = new Source(null, entry, entry.toString());
          try (Stream<Path> files = Files.walk(entry)) {
            files.filter(f -> f.toString().endsWith(".class")).forEach(f ->
                into.putIfAbsent(className(entry.relativize(f).toString().replace(File.separatorChar, '/')), source));
          }
        } else if (entry.toString().endsWith(".jar") && Files.isRegularFile(entry)) {
          JarFile jar = new JarFile(entry.toFile());
          open.add(jar);
          Source source = new Source(jar, null, describe(entry));
          for (var e = jar.entries(); e.hasMoreElements(); ) {
            String name = e.nextElement().getName();
            if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
              into.putIfAbsent(className(name), source);
            } else if (inImage && name.startsWith("META-INF/services/") && !name.endsWith("/")) {
              String text = new String(jar.getInputStream(jar.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
              text.lines().map(l -> l.replaceAll("#.*", "").strip()).filter(l -> !l.isEmpty())
                  .forEach(l -> serviceProviders.add(l.replace('.', '/')));
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static String describe(Path jar) {
      Path absolute = jar.toAbsolutePath().normalize();
      Path target = Path.of("target").toAbsolutePath().normalize();
      return absolute.startsWith(target) ? "target/" + target.relativize(absolute).toString().replace(File.separatorChar, '/')
          : absolute.getFileName().toString();
    }

    private static String className(String file) {
      return file.substring(0, file.length() - ".class".length());
    }

    Reach reach(List<String> roots, boolean withServiceProviders) {
      Map<String, String> from = new HashMap<>();
      Deque<String> todo = new ArrayDeque<>();
      for (String root : roots) {
        from.put(root, "(root)");
        todo.add(root);
      }
      if (withServiceProviders) {
        for (String provider : serviceProviders) {
          if (from.putIfAbsent(provider, "(a service provider of the image)") == null) {
            todo.add(provider);
          }
        }
      }
      int reached = 0;
      Set<String> unresolved = new java.util.HashSet<>();
      Map<String, String> outside = new TreeMap<>();
      while (!todo.isEmpty()) {
        String name = todo.poll();
        Source source = image.get(name);
        if (source == null) {
          unresolved.add(name); // a root or service provider whose class is not there
          continue;
        }
        reached++;
        if (SIGNATURE_ONLY.contains(name)) {
          continue;
        }
        for (String referenced : references(read(source, name))) {
          if (referenced.startsWith("java/") || from.containsKey(referenced) && !outsideImage(referenced)) {
            continue;
          }
          if (outsideImage(referenced)) {
            Source other = image.containsKey(referenced) ? image.get(referenced) : elsewhere.get(referenced);
            outside.putIfAbsent(referenced, (image.containsKey(referenced) ? "the playground and bench packages" : other.name())
                + ", reached by " + name + " <- " + chain(from, name));
            continue;
          }
          from.put(referenced, name);
          if (image.containsKey(referenced)) {
            todo.add(referenced);
          } else {
            unresolved.add(referenced);
          }
        }
      }
      return new Reach(reached, unresolved.size(), outside);
    }

    /** Found on the build's class path but not in the image, or in the playground and bench packages. */
    private boolean outsideImage(String name) {
      if (image.containsKey(name)) {
        return name.startsWith("io/casteroperator/playground/") || name.startsWith("io/casteroperator/bench/");
      }
      return elsewhere.containsKey(name);
    }

    private static String chain(Map<String, String> from, String name) {
      List<String> chain = new ArrayList<>();
      for (String at = from.get(name); at != null && chain.size() < 12; at = from.get(at)) {
        chain.add(at);
        if (at.startsWith("(")) {
          break;
        }
      }
      return String.join(" <- ", chain);
    }

    private static byte[] read(Source source, String name) {
      try {
        if (source.jar() != null) {
          return source.jar().getInputStream(source.jar().getEntry(name + ".class")).readAllBytes();
        }
        return Files.readAllBytes(source.directory().resolve(name + ".class"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      for (JarFile jar : open) {
        try {
          jar.close();
        } catch (IOException e) {
          // nothing to do
        }
      }
    }
  }

  private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([\\w/$]+)[;<]");

  /**
   * The classes a class file names: its Class constants, and the classes in its descriptors and
   * signatures (field and method types, annotations), all of which the constant pool holds.
   */
  static Set<String> references(byte[] classFile) {
    Set<String> names = new LinkedHashSet<>();
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
      in.readInt();
      in.readUnsignedShort();
      in.readUnsignedShort();
      int count = in.readUnsignedShort();
      String[] utf8 = new String[count];
      List<Integer> classes = new ArrayList<>();
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> utf8[i] = in.readUTF();
          case 7 -> classes.add(in.readUnsignedShort());
          case 8, 16, 19, 20 -> in.readUnsignedShort();
          case 3, 4 -> in.readInt();
          case 5, 6 -> {
            in.readLong();
            i++;
          }
          case 9, 10, 11, 12, 17, 18 -> in.readInt();
          case 15 -> {
            in.readUnsignedByte();
            in.readUnsignedShort();
          }
          default -> throw new IOException("constant pool tag " + tag);
        }
      }
      for (int index : classes) {
        String name = utf8[index];
        if (name.startsWith("[")) {
          addDescriptorClasses(name, names);
        } else {
          names.add(name);
        }
      }
      for (String text : utf8) {
        if (text != null && text.indexOf(';') > 0) {
          addDescriptorClasses(text, names);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  private static void addDescriptorClasses(String descriptor, Set<String> into) {
    Matcher m = DESCRIPTOR_CLASS.matcher(descriptor);
    while (m.find()) {
      into.add(m.group(1));
    }
  }

  private static List<String> manifestClassPath(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      return List.of(file.getManifest().getMainAttributes().getValue("Class-Path").strip().split("\\s+"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The test JVM's class path, with a manifest-only jar (surefire's booter) expanded: every library
   * the build has, test scope included.
   */
  private static List<Path> testClassPath() {
    List<Path> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      entries.add(path);
      if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
        try (JarFile jar = new JarFile(path.toFile())) {
          Manifest manifest = jar.getManifest();
          String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
          if (classPath != null && jar.size() < 5) {
            for (String url : classPath.strip().split("\\s+")) {
              entries.add(Path.of(URI.create(url)));
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return entries;
  }
}
