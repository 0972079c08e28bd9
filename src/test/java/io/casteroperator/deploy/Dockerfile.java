package io.casteroperator.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** deploy/Dockerfile, read as Docker reads it: instructions (continuations joined, comments dropped). */
record Dockerfile(String text, List<Instruction> instructions) {

  static final Path PATH = Path.of("deploy/Dockerfile");

  /** One instruction: its keyword in upper case and the rest of the line. */
  record Instruction(String keyword, String arguments) {
    @Override
    public String toString() {
      return keyword + " " + arguments;
    }
  }

  static Dockerfile read() {
    try {
      return parse(Files.readString(PATH));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Dockerfile parse(String text) {
    List<Instruction> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String raw : text.lines().toList()) {
      String line = raw.strip();
      if (current.isEmpty() && (line.isEmpty() || line.startsWith("#"))) {
        continue;
      }
      if (line.startsWith("#")) {
        continue; // a comment inside a continued instruction
      }
      if (line.endsWith("\\")) {
        current.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      current.append(line);
      String whole = current.toString().strip();
      current.setLength(0);
      int space = whole.indexOf(' ');
      instructions.add(new Instruction(whole.substring(0, space).toUpperCase(Locale.ROOT), whole.substring(space + 1).strip()));
    }
    return new Dockerfile(text, List.copyOf(instructions));
  }

  List<Instruction> all(String keyword) {
    return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
  }

  /** The last instruction with this keyword (the one in force), or an error. */
  Instruction last(String keyword) {
    List<Instruction> all = all(keyword);
    if (all.isEmpty()) {
      throw new AssertionError("deploy/Dockerfile has no " + keyword);
    }
    return all.get(all.size() - 1);
  }

  /** ENTRYPOINT then CMD, in exec form: the command the container runs. */
  List<String> command() {
    List<String> command = new ArrayList<>(execForm(last("ENTRYPOINT")));
    command.addAll(execForm(last("CMD")));
    return command;
  }

  List<String> entrypoint() {
    return execForm(last("ENTRYPOINT"));
  }

  private static List<String> execForm(Instruction instruction) {
    try {
      JsonNode array = new ObjectMapper().readTree(instruction.arguments());
      if (!array.isArray()) {
        throw new AssertionError(instruction + ": use the exec form (a JSON array)");
      }
      List<String> words = new ArrayList<>();
      array.forEach(word -> words.add(word.asText()));
      return words;
    } catch (IOException e) {
      throw new AssertionError(instruction + ": use the exec form (a JSON array)", e);
    }
  }
}
