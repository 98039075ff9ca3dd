package org.invisiblebars.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Our API reads JSON strictly. Jackson's defaults turn {@code 1.5} into 1, {@code "18"} into 18,
 * {@code 0} into the first constant of an enum and skip fields nobody defined: each hides a
 * client's mistake and stores what nobody sent. Here a field the request does not define is refused
 * and named; text is never a number or a truth value and neither is ever text; a whole number has
 * no fraction; an enum is one of its names; a date is written as text; and text carries neither
 * control characters other than tab and line breaks (PostgreSQL cannot even store NUL, and escape
 * sequences reach people's screens and spreadsheets) nor a lone UTF-16 surrogate (UTF-8 cannot
 * carry it). Letters of any script are welcome.
 */
@Configuration
class StrictJson {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJsonInput() {
    return builder ->
        builder
            .featuresToEnable(
                DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .featuresToDisable(
                DeserializationFeature.ACCEPT_FLOAT_AS_INT, MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .postConfigurer(StrictJson::refuseCoercions);
  }

  /** Registered by Spring Boot with the other modules of the application's object mapper. */
  @Bean
  Module checkedText() {
    return new SimpleModule("checked-text").addDeserializer(String.class, new CheckedText());
  }

  private static void refuseCoercions(ObjectMapper mapper) {
    mapper.setDefaultLeniency(false);
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    for (LogicalType number : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
      mapper
          .coercionConfigFor(number)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }
    mapper
        .coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Enum)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.DateTime)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
  }

  /** Text that our tables must not hold; the problem names the first offending character. */
  static final class UnacceptableText extends InvalidFormatException {

    private final String problem;

    UnacceptableText(JsonParser parser, String problem, String value) {
      super(parser, problem, value, String.class);
      this.problem = problem;
    }

    String problem() {
      return problem;
    }
  }

  /** Jackson's own reading of text, then the check of every character. */
  private static final class CheckedText extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String text = super.deserialize(parser, context);
      String problem = text == null ? null : problemOf(text);
      if (problem != null) {
        throw new UnacceptableText(parser, problem, text);
      }
      return text;
    }

    private static String problemOf(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)
            && i + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else if (Character.isSurrogate(c)) {
          return "must be valid Unicode text (a lone surrogate U+" + hex(c) + " was found)";
        } else if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
          return "must not contain control characters (U+"
              + hex(c)
              + " was found; tab and line breaks are allowed)";
        }
      }
      return null;
    }

    private static String hex(char c) {
      return String.format("%04X", (int) c);
    }
  }
}
