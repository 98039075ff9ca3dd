package org.invisiblebars.platform.web;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.invisiblebars.platform.validation.DateTimeInput;
import org.springframework.http.ProblemDetail;

/**
 * What was wrong with a JSON body, in words for the person who sent it: the field (as a path such
 * as {@code representatives[0].fullName}) and what it must be, or what is wrong with the body as a
 * whole. Never the parser's own message: it names Java classes and quotes the input back. Shared by
 * our API and the engine REST API, whose bodies Jackson reads too.
 */
final class JsonProblems {

  private static final Set<Class<?>> WHOLE_NUMBERS =
      Set.of(Integer.class, int.class, Long.class, long.class, Short.class, short.class);

  private JsonProblems() {}

  /** {@code failure} is what Jackson threw, or null when there was no body at all. */
  static ProblemDetail of(Throwable failure) {
    if (failure instanceof StreamConstraintsException
        || (failure != null && failure.getCause() instanceof StreamConstraintsException)) {
      return Problems.malformedBody(
          "The body is beyond what is read: JSON nested more than 1000 deep, or a value, "
              + "a number or a name too long.");
    }
    if (failure instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return Problems.invalidInput(field(mapping), problem(mapping));
    }
    if (failure instanceof MismatchedInputException) {
      return Problems.malformedBody(
          "The body must be a JSON object with the fields of the request.");
    }
    if (failure == null) {
      return Problems.malformedBody("A JSON object is required as the body.");
    }
    return Problems.malformedBody("The body is not valid JSON.");
  }

  private static String field(JsonMappingException mapping) {
    return mapping.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static String problem(JsonMappingException mapping) {
    if (mapping instanceof UnrecognizedPropertyException) {
      return "is not a field of this request";
    }
    if (mapping instanceof StrictJson.UnacceptableText text) {
      return text.problem();
    }
    return mapping instanceof MismatchedInputException input
        ? expected(input.getTargetType())
        : "has the wrong type or format";
  }

  /** What a value of {@code type} looks like in JSON. */
  static String expected(Class<?> type) {
    if (type == null) {
      return "has the wrong type or format";
    }
    if (type.isEnum()) {
      return "must be one of " + List.of(type.getEnumConstants());
    }
    if (WHOLE_NUMBERS.contains(type)) {
      return "must be a whole number within range";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
      return "must be a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "must be true or false";
    }
    if (type == String.class) {
      return "must be text";
    }
    if (type == UUID.class) {
      return "must be a UUID";
    }
    if (type == Instant.class) {
      return "must be an instant in ISO 8601, e.g. 2027-03-01T10:00:00Z";
    }
    if (type == DateTimeInput.class) {
      return DateTimeInput.EXPECTED;
    }
    if (type == LocalDate.class) {
      return "must be a date in ISO 8601, e.g. 2027-03-01";
    }
    if (type == LocalTime.class) {
      return "must be a time of day, e.g. 09:30";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "must be a list";
    }
    if (Map.class.isAssignableFrom(type)) {
      return "must be an object";
    }
    return "must be an object with the fields of the request";
  }
}
