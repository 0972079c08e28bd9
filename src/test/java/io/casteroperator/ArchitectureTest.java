package io.casteroperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules of the layout that a code review would otherwise have to remember: the SDK only behind
 * the cloud seam, decisions from error meanings rather than raw codes, one owner of status and
 * Events, and a reconciler that reads as a page.
 */
class ArchitectureTest {

  private static final Path MAIN = Path.of("src/main/java/io/casteroperator");

  @Test
  void theSdkIsUsedOnlyInTheCloudSeam() throws IOException {
    assertEquals(List.of(), filesMatching(MAIN, Pattern.compile("com\\.aliyuncs")).stream()
        .filter(f -> !f.startsWith(MAIN.resolve("live"))).toList());
  }

  @Test
  void theReconcilerDecidesFromMeaningsNotRawErrorCodes() throws IOException {
    assertEquals(List.of(), filesMatching(MAIN.resolve("reconciler"),
        Pattern.compile("\"(InvalidCaster|IncorrectCasterStatus|Forbidden|Throttling)")));
  }

  @Test
  void onlyTheOutcomesWriteStatusAndRecordEvents() throws IOException {
    Pattern writes = Pattern.compile("(status\\(\\)\\.set[A-Z]|\\.draft\\.|r\\.event\\(|r\\.warning\\()");
    List<Path> writers = filesMatching(MAIN.resolve("reconciler"), writes).stream()
        .map(p -> p.getFileName()).toList();
    // Outcomes owns status; StudioOutcomes owns status.studio and the studio's events.
    assertEquals(List.of(Path.of("Outcomes.java"), Path.of("StudioOutcomes.java")), writers);
  }

  @Test
  void theReconcilerFitsOnAPageWithShortMethods() throws IOException {
    Path reconciler = MAIN.resolve("reconciler/CasterReconciler.java");
    List<String> lines = Files.readAllLines(reconciler);
    assertTrue(lines.size() < 400, "CasterReconciler has " + lines.size() + " lines");
    try (Stream<Path> files = Files.list(MAIN.resolve("reconciler"))) {
      for (Path file : files.toList()) {
        List<String> longMethods = longMethods(Files.readAllLines(file), 40);
        assertEquals(List.of(), longMethods, file.getFileName() + ": methods over 40 lines");
      }
    }
  }

  /** Methods (by their first line) longer than {@code max} lines, found by indentation: two spaces in, closing brace at two spaces. */
  private static List<String> longMethods(List<String> lines, int max) {
    Pattern start = Pattern.compile("^  (?!//|/\\*|\\*)[^ ].*\\)\\s*(throws [^{]*)?\\{\\s*$");
    List<String> found = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = start.matcher(lines.get(i));
      if (m.matches() && !lines.get(i).contains(" class ") && !lines.get(i).contains(" record ")) {
        int end = i + 1;
        while (end < lines.size() && !lines.get(end).equals("  }")) {
          end++;
        }
        if (end - i - 1 > max) {
          found.add(lines.get(i).trim() + " (" + (end - i - 1) + " lines)");
        }
      }
    }
    return found;
  }

  private static List<Path> filesMatching(Path root, Pattern pattern) throws IOException {
    List<Path> matching = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        if (pattern.matcher(Files.readString(file)).find()) {
          matching.add(file);
        }
      }
    }
    return matching;
  }
}
