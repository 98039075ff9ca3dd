package org.invisiblebars;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of {@code README.md} and {@code docs/*.md} points to a file of the repository
 * and, when it names a section ({@code page.md#section}), to a heading of that page: the README is
 * cut to links into {@code docs/}, so a page or a heading renamed must break the build, not the
 * reader's way in. Anchors are the ones GitHub gives headings (lower case, punctuation dropped,
 * spaces as hyphens, {@code -1}, {@code -2} for repeats). Links are read with two regular
 * expressions, not a Markdown parser: the pages use only inline links, and code (fenced or in
 * backticks) is skipped.
 */
class DocsLinksTest {

  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");

  @Test
  void everyRelativeLinkOfTheDocsPointsToAFileAndHeadingThatExist() throws IOException {
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path page : pages()) {
      for (String target : links(page)) {
        if (target.matches("^[a-z][a-z0-9+.-]*:.*")) {
          continue; // http:, https:, mailto: — not ours to check offline
        }
        checked++;
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path linked = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        if (!Files.exists(linked)) {
          broken.add(ROOT.relativize(page) + ": " + target + " (no such file)");
        } else if (hash >= 0
            && linked.toString().endsWith(".md")
            && !anchors(linked).contains(target.substring(hash + 1))) {
          broken.add(
              ROOT.relativize(page)
                  + ": "
                  + target
                  + " (no such heading in "
                  + ROOT.relativize(linked)
                  + ")");
        }
      }
    }
    assertThat(checked).as("relative links found in README.md and docs/").isGreaterThan(20);
    assertThat(broken).as("broken links").isEmpty();
  }

  @Test
  void anchorsAreTheOnesGitHubGivesHeadings() {
    assertThat(anchor("`report-review` — confidential report review (business key: the report id)"))
        .isEqualTo("report-review--confidential-report-review-business-key-the-report-id");
    assertThat(anchor("Sign-in, throttling and production settings"))
        .isEqualTo("sign-in-throttling-and-production-settings");
  }

  private static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>();
    pages.add(ROOT.resolve("README.md"));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  /** The link targets of a page, outside code. */
  private static List<String> links(Path page) throws IOException {
    List<String> targets = new ArrayList<>();
    for (String line : prose(page)) {
      Matcher link = LINK.matcher(INLINE_CODE.matcher(line).replaceAll(""));
      while (link.find()) {
        targets.add(link.group(1));
      }
    }
    return targets;
  }

  /** The anchors of a page's headings, as GitHub numbers repeated ones. */
  private static Set<String> anchors(Path page) throws IOException {
    Set<String> anchors = new HashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String line : prose(page)) {
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        String anchor = anchor(heading.group(1));
        int repeat = seen.merge(anchor, 1, Integer::sum) - 1;
        anchors.add(repeat == 0 ? anchor : anchor + "-" + repeat);
      }
    }
    return anchors;
  }

  private static String anchor(String heading) {
    return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
  }

  /** The lines of a page outside fenced code blocks. */
  private static List<String> prose(Path page) throws IOException {
    List<String> lines = new ArrayList<>();
    boolean fenced = false;
    for (String line : Files.readAllLines(page)) {
      if (line.stripLeading().startsWith("```")) {
        fenced = !fenced;
      } else if (!fenced) {
        lines.add(line);
      }
    }
    return lines;
  }
}
