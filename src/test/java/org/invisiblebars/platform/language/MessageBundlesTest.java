package org.invisiblebars.platform.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every message bundle is in all our languages: for each bundle under {@code messages/} and {@code
 * mail/} (whoever added it) and Bean Validation's {@code ValidationMessages}, the French and
 * Spanish files hold exactly the English file's keys, each with the same arguments, and each
 * pattern with arguments is one {@link MessageFormat} reads without losing a word to a lone
 * apostrophe. A missing key would show the English word on a French page; an extra one is a word
 * nobody shows.
 */
class MessageBundlesTest {

  private static final Path RESOURCES = Path.of("src/main/resources");
  private static final List<String> TRANSLATIONS = List.of("fr", "es");
  private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
  private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

  @Test
  void everyBundleHasTheSameKeysInEveryLanguage() throws IOException {
    List<Path> bundles = bundles();
    assertThat(bundles)
        .as("the bundles checked")
        .contains(
            RESOURCES.resolve("messages/portal.properties"),
            RESOURCES.resolve("messages/documents.properties"),
            RESOURCES.resolve("ValidationMessages.properties"));
    List<String> problems = new ArrayList<>();
    for (Path bundle : bundles) {
      Properties english = load(bundle);
      boolean translated = false;
      for (String language : TRANSLATIONS) {
        Path translation = translationOf(bundle, language);
        if (Files.exists(translation)) {
          translated = true;
        }
      }
      if (!translated && isMail(bundle)) {
        // the mail bundle's translations come with the stored language choice; once one exists,
        // both must be complete
        continue;
      }
      for (String language : TRANSLATIONS) {
        Path translation = translationOf(bundle, language);
        if (!Files.exists(translation)) {
          problems.add(translation + " is missing");
          continue;
        }
        Properties words = load(translation);
        Set<String> missing = new TreeSet<>(english.stringPropertyNames());
        missing.removeAll(words.stringPropertyNames());
        Set<String> extra = new TreeSet<>(words.stringPropertyNames());
        extra.removeAll(english.stringPropertyNames());
        if (!missing.isEmpty()) {
          problems.add(translation + " lacks " + missing);
        }
        if (!extra.isEmpty()) {
          problems.add(translation + " has keys English does not: " + extra);
        }
        for (String key : english.stringPropertyNames()) {
          String word = words.getProperty(key);
          if (word != null && !arguments(word).equals(arguments(english.getProperty(key)))) {
            problems.add(
                translation
                    + " "
                    + key
                    + " has arguments "
                    + arguments(word)
                    + ", not "
                    + arguments(english.getProperty(key)));
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyPatternWithArgumentsIsReadByMessageFormatWithItsApostrophes() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path bundle : bundles()) {
      for (Path file : languagesOf(bundle)) {
        Properties words = load(file);
        for (String key : words.stringPropertyNames()) {
          String word = words.getProperty(key);
          // the mail texts go through MessageFormat even without arguments (MailTexts)
          if ((arguments(word).isEmpty() && !isMail(bundle)) || isValidationMessages(bundle)) {
            continue;
          }
          try {
            new MessageFormat(word, Locale.ENGLISH);
          } catch (IllegalArgumentException e) {
            problems.add(file + " " + key + ": " + e.getMessage());
          }
          if (LONE_APOSTROPHE.matcher(word).find()) {
            problems.add(file + " " + key + " has a lone apostrophe, which MessageFormat drops");
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  /** The English files: one per bundle, without a language suffix. */
  /**
   * The pages' bundles are one message source ({@code spring.messages.basename}): a key in two of
   * them is read from the first only, so the other's page shows the wrong words.
   */
  @Test
  void noKeyIsInTwoOfThePagesBundles() throws IOException {
    String basenames =
        Files.readAllLines(RESOURCES.resolve("application.yaml"), StandardCharsets.UTF_8).stream()
            .map(String::strip)
            .filter(line -> line.startsWith("basename: messages/"))
            .findFirst()
            .orElseThrow()
            .substring("basename: ".length());
    Map<String, String> owner = new TreeMap<>();
    List<String> twice = new ArrayList<>();
    for (String basename : basenames.split(",")) {
      for (String key :
          load(RESOURCES.resolve(basename.strip() + ".properties")).stringPropertyNames()) {
        String first = owner.putIfAbsent(key, basename);
        if (first != null) {
          twice.add(key + " in " + first + " and " + basename);
        }
      }
    }
    assertThat(owner).as("the keys read").isNotEmpty();
    assertThat(twice).as("keys in two bundles").isEmpty();
  }

  private static List<Path> bundles() throws IOException {
    List<Path> bundles = new ArrayList<>();
    for (String folder : List.of("messages", "mail")) {
      Path directory = RESOURCES.resolve(folder);
      if (!Files.isDirectory(directory)) {
        continue;
      }
      try (Stream<Path> files = Files.list(directory)) {
        files
            .filter(file -> file.getFileName().toString().endsWith(".properties"))
            .filter(file -> !file.getFileName().toString().matches(".*_[a-z]{2}\\.properties"))
            .sorted()
            .forEach(bundles::add);
      }
    }
    bundles.add(RESOURCES.resolve("ValidationMessages.properties"));
    return bundles;
  }

  private static List<Path> languagesOf(Path bundle) {
    List<Path> files = new ArrayList<>(List.of(bundle));
    for (String language : TRANSLATIONS) {
      Path translation = translationOf(bundle, language);
      if (Files.exists(translation)) {
        files.add(translation);
      }
    }
    return files;
  }

  private static Path translationOf(Path bundle, String language) {
    String name = bundle.getFileName().toString();
    return bundle.resolveSibling(name.replace(".properties", "_" + language + ".properties"));
  }

  private static boolean isMail(Path bundle) {
    return bundle.getParent().getFileName().toString().equals("mail");
  }

  /** Bean Validation interpolates {@code {max}}, not MessageFormat's {@code {0}}. */
  private static boolean isValidationMessages(Path bundle) {
    return bundle.getFileName().toString().startsWith("ValidationMessages");
  }

  /** The argument numbers a message uses: {0}, {1,choice,...}. */
  private static Set<String> arguments(String word) {
    Set<String> arguments = new TreeSet<>();
    Matcher matcher = ARGUMENT.matcher(word);
    while (matcher.find()) {
      arguments.add(matcher.group(1));
    }
    return arguments;
  }

  private static Properties load(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }
}
