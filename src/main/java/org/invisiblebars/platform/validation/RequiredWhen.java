package org.invisiblebars.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;

/**
 * A cross-field rule of a form record: {@link #field} must be given (not null, not blank) when the
 * component {@link #when} has one of the values {@link #is} (an enum constant's name, {@code
 * true}). The violation is reported on {@link #field}, so the person reads that field's label
 * beside it. Bean Validation has no conditional constraint of its own; Hibernate's
 * {@code @ScriptAssert} would run a script, which nothing here may.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(RequiredWhen.List.class)
@Constraint(validatedBy = RequiredWhen.Check.class)
@Documented
public @interface RequiredWhen {

  String field();

  String when();

  String[] is();

  String message() default "{org.invisiblebars.platform.validation.RequiredWhen.message}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @Documented
  @interface List {
    RequiredWhen[] value();
  }

  /** Checks one {@link RequiredWhen} on a record. */
  class Check implements ConstraintValidator<RequiredWhen, Record> {

    private RequiredWhen rule;

    @Override
    public void initialize(RequiredWhen rule) {
      this.rule = rule;
    }

    @Override
    public boolean isValid(Record form, ConstraintValidatorContext context) {
      if (form == null) {
        return true;
      }
      Object deciding = RecordComponents.value(form, rule.when());
      if (deciding == null
          || Arrays.stream(rule.is())
              .noneMatch(
                  v -> v.equals(deciding instanceof Enum<?> e ? e.name() : deciding.toString()))) {
        return true;
      }
      Object value = RecordComponents.value(form, rule.field());
      if (value != null && !(value instanceof String text && text.isBlank())) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(rule.message())
          .addPropertyNode(rule.field())
          .addConstraintViolation();
      return false;
    }
  }
}
