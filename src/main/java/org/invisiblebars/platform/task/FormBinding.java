package org.invisiblebars.platform.task;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.invisiblebars.platform.validation.InputRules;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.format.support.DefaultFormattingConversionService;

/**
 * Reads a submitted form into its record and validates it. A form sends texts, numbers or flags as
 * the engine stores them; Spring's conversion service turns each into its component's type (an enum
 * from its constant's name, a whole number, a flag, an ISO date), so a value of the wrong kind is
 * refused with the field's name, every field at once, before Bean Validation checks the record.
 */
public final class FormBinding {

  private static final ConversionService CONVERSION = new DefaultFormattingConversionService();

  private final InputRules rules;

  public FormBinding(InputRules rules) {
    this.rules = rules;
  }

  /**
   * The form {@code type} from the values {@code submitted} gives for its components' names.
   *
   * @throws InvalidInputException naming each field that has a value of the wrong kind or breaks a
   *     constraint
   */
  public <F extends Record> F bind(Class<F> type, Function<String, Object> submitted) {
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    List<FieldProblem> problems = new ArrayList<>();
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      try {
        values[i] = convert(submitted.apply(component.getName()), component);
      } catch (ConversionException wrongKind) {
        problems.add(new FieldProblem(component.getName(), wrongKind(component.getType())));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    F form = construct(type, components, values);
    rules.check(form, List.of());
    return form;
  }

  private static Object convert(Object value, RecordComponent component) {
    if (value instanceof String text && text.isBlank() && component.getType() != String.class) {
      value = null;
    }
    if (value == null) {
      return component.getType() == boolean.class ? Boolean.FALSE : null;
    }
    // A form field holds one text, number, flag or date: several values (a list, an object) where
    // one fits are refused, where the conversion service would take the first or join them.
    if (!(value instanceof String
        || value instanceof Number
        || value instanceof Boolean
        || value instanceof Date)) {
      throw new ConversionException("not a single value") {};
    }
    if (value instanceof Number number
        && isWhole(component.getType())
        && number.doubleValue() != Math.rint(number.doubleValue())) {
      throw new ConversionException("not a whole number") {};
    }
    Method accessor = component.getAccessor();
    TypeDescriptor target =
        new TypeDescriptor(
            ResolvableType.forMethodReturnType(accessor), null, accessor.getAnnotations());
    return CONVERSION.convert(value, TypeDescriptor.forObject(value), target);
  }

  private static boolean isWhole(Class<?> type) {
    return type == Integer.class || type == int.class || type == Long.class || type == long.class;
  }

  private static String wrongKind(Class<?> type) {
    if (type.isEnum()) {
      return "must be one of "
          + Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
    }
    if (isWhole(type)) {
      return "must be a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "must be yes or no";
    }
    if (type == LocalDate.class) {
      return "must be a date";
    }
    return "is not valid";
  }

  private static <F extends Record> F construct(
      Class<F> type, RecordComponent[] components, Object[] values) {
    try {
      Constructor<F> canonical =
          type.getDeclaredConstructor(
              Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
      canonical.setAccessible(true);
      return canonical.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build the form " + type.getName(), e);
    }
  }
}
