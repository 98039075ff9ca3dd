package org.invisiblebars.platform.language;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Camunda Forms' texts in the reader's language. Tasklist 7.24 hands form-js the form's JSON and
 * the task's variables, and no language; form-js has no translation of its own. So the form's JSON
 * is translated on its way to Tasklist (see {@code platform/web/TranslatedForms}): its labels,
 * descriptions, markdown texts and option labels.
 *
 * <p>A form is written in English, in Camunda Modeler, as always. Its translations are catalogues
 * {@code forms/i18n/LANGUAGE/FORM-ID.json}: a JSON object from each English text to its
 * translation, as gettext does. Keyed by the English text itself, a catalogue can never show a
 * stale translation: a text a process owner rewrote has no entry any more and shows in English
 * until it is translated again. {@code FormTranslationsTest} checks that every text of every form
 * has its translation, with the same placeholders and links.
 *
 * <p>Hand-written rather than a library: form-js 1.x, which Tasklist 7.24 embeds, has no i18n, and
 * Spring's message bundles are keyed by names that a form's JSON does not carry; walking the JSON
 * is a few lines.
 */
@Component
public class FormTranslations {

  /** The properties of a form component that people read. */
  public static final List<String> TEXTS =
      List.of("label", "description", "text", "dateLabel", "timeLabel", "placeholder");

  /** What a form id must look like to name a catalogue: no path, no dots. */
  private static final Pattern FORM_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Map<String, Map<String, String>> catalogues = new ConcurrentHashMap<>();

  /**
   * The form {@code form} (a Camunda Form's JSON) with its texts in {@code language}; the form
   * unchanged when it is in English, is not a Camunda Form, or has no catalogue for the language. A
   * text without a translation stays in English.
   */
  public byte[] translate(byte[] form, Locale language) {
    if (Locale.ENGLISH.getLanguage().equals(Languages.of(language).getLanguage())) {
      return form;
    }
    JsonNode tree;
    try {
      tree = JSON.readTree(form);
    } catch (IOException e) {
      return form; // an embedded HTML form or another format: not ours to translate
    }
    if (tree == null || !tree.isObject() || !tree.path("components").isArray()) {
      return form;
    }
    Map<String, String> catalogue =
        catalogue(Languages.of(language).getLanguage(), tree.path("id").asText(""));
    if (catalogue.isEmpty()) {
      return form;
    }
    eachText(
        tree,
        text -> {
          String translated = catalogue.get(text.value());
          if (translated != null && !translated.isEmpty()) {
            text.owner().put(text.property(), translated);
          }
        });
    try {
      return JSON.writeValueAsBytes(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One text of a form: the object holding it, the property, and its English value. */
  public record Text(ObjectNode owner, String property, String value) {}

  /** The texts of {@code form} people read, in the order they appear, each English text once. */
  public static List<String> texts(JsonNode form) {
    List<String> texts = new ArrayList<>();
    eachText(
        form,
        text -> {
          if (!texts.contains(text.value())) {
            texts.add(text.value());
          }
        });
    return texts;
  }

  /** Calls {@code action} with every text people read in {@code form}'s components. */
  static void eachText(JsonNode form, Consumer<Text> action) {
    for (JsonNode component : form.path("components")) {
      component(component, action);
    }
  }

  private static void component(JsonNode component, Consumer<Text> action) {
    if (!component.isObject()) {
      return;
    }
    ObjectNode object = (ObjectNode) component;
    for (String property : TEXTS) {
      JsonNode value = object.get(property);
      if (value != null && value.isTextual() && !value.asText().isEmpty()) {
        action.accept(new Text(object, property, value.asText()));
      }
    }
    for (JsonNode option : object.path("values")) {
      JsonNode label = option.get("label");
      if (option.isObject() && label != null && label.isTextual() && !label.asText().isEmpty()) {
        action.accept(new Text((ObjectNode) option, "label", label.asText()));
      }
    }
    for (JsonNode child : object.path("components")) {
      component(child, action);
    }
  }

  /** The translations of form {@code formId} into {@code language}; empty when there are none. */
  public Map<String, String> catalogue(String language, String formId) {
    if (!FORM_ID.matcher(formId).matches()
        || Languages.SUPPORTED.stream().noneMatch(l -> l.getLanguage().equals(language))) {
      return Map.of();
    }
    return catalogues.computeIfAbsent(language + "/" + formId, FormTranslations::read);
  }

  private static Map<String, String> read(String languageAndForm) {
    ClassPathResource resource = new ClassPathResource("forms/i18n/" + languageAndForm + ".json");
    if (!resource.exists()) {
      return Map.of();
    }
    try (InputStream in = resource.getInputStream()) {
      Map<String, String> read = new LinkedHashMap<>();
      JSON.readTree(in)
          .properties()
          .forEach(
              entry ->
                  Optional.of(entry.getValue())
                      .filter(JsonNode::isTextual)
                      .ifPresent(value -> read.put(entry.getKey(), value.asText())));
      return Map.copyOf(read);
    } catch (IOException e) {
      throw new UncheckedIOException("the form translations " + resource + " are not JSON", e);
    }
  }
}
