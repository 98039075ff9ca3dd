package org.invisiblebars;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * House habits the compiler and the formatter do not check: a class is named by its import, not by
 * a fully qualified name written inline, unless the file imports another class of the same simple
 * name (two {@code MediaType}s). Comments, Javadoc and string literals may name classes in full; no
 * Java parser is on the class path, so lines are read as text.
 */
class CodeHabitsTest {

  private static final Pattern QUALIFIED =
      Pattern.compile(
          "(?<![\\w.\"@])(?:java|javax|jakarta|org|com|net|io)(?:\\.[a-z_][a-z0-9_]*)+\\.[A-Z]\\w*");
  private static final Pattern IMPORT = Pattern.compile("import ([\\w.]+)\\.(\\w+);");
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

  @Test
  void noQualifiedNamesInline() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path root : List.of(Path.of("src/main/java"), Path.of("src/test/java"))) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          found.addAll(inline(file));
        }
      }
    }
    assertThat(found).as("qualified names written inline: import them").isEmpty();
  }

  private static List<String> inline(Path file) throws IOException {
    List<String> found = new ArrayList<>();
    List<String> lines = Files.readAllLines(file);
    Map<String, String> imports = new HashMap<>();
    for (String line : lines) {
      Matcher imported = IMPORT.matcher(line);
      if (imported.matches()) {
        imports.put(imported.group(2), imported.group(1) + "." + imported.group(2));
      }
    }
    boolean inComment = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (inComment) {
        inComment = !line.contains("*/");
        continue;
      }
      if (line.startsWith("/*")) {
        inComment = !line.contains("*/");
        continue;
      }
      if (line.startsWith("*")
          || line.startsWith("//")
          || line.startsWith("import ")
          || line.startsWith("package ")) {
        continue;
      }
      String code = STRING.matcher(line).replaceAll("\"\"");
      int comment = code.indexOf("//");
      code = comment < 0 ? code : code.substring(0, comment);
      Matcher qualified = QUALIFIED.matcher(code);
      while (qualified.find()) {
        String name = qualified.group();
        String simple = name.substring(name.lastIndexOf('.') + 1);
        // another class of that simple name is imported: the full name is how Java tells them apart
        if (!imports.containsKey(simple) || imports.get(simple).equals(name)) {
          found.add(file + ":" + (i + 1) + ": " + line);
        }
      }
    }
    return found;
  }
}
