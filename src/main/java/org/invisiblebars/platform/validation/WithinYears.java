package org.invisiblebars.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;

/**
 * A date or instant no further from today than {@link #value()} years, either way. Dates in the
 * year 100000 or 5000 BC are typing mistakes or probes, and PostgreSQL cannot even store some of
 * them; each field that takes a date says how far it may reach. Null is left to other checks.
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Constraint(validatedBy = {WithinYears.Validator.class, WithinYears.InputValidator.class})
public @interface WithinYears {

  /** How many years before or after today. */
  int value();

  String message() default "{org.invisiblebars.platform.validation.WithinYears.message}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Reads today from Bean Validation's clock, so a test can fix it. */
  class Validator implements ConstraintValidator<WithinYears, Temporal> {

    private int years;

    @Override
    public void initialize(WithinYears annotation) {
      years = annotation.value();
    }

    @Override
    public boolean isValid(Temporal value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      LocalDate today = LocalDate.now(context.getClockProvider().getClock());
      LocalDate first = today.minusYears(years);
      LocalDate last = today.plusYears(years);
      if (value instanceof Instant instant) {
        // compared as instants: Instant.MAX lies beyond any date
        return !instant.isBefore(first.atStartOfDay(ZoneOffset.UTC).toInstant())
            && instant.isBefore(last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
      }
      LocalDate day = LocalDate.from(value);
      return !day.isBefore(first) && !day.isAfter(last);
    }
  }

  /** The same for a date and time as entered, local or an instant ({@link DateTimeInput}). */
  class InputValidator implements ConstraintValidator<WithinYears, DateTimeInput> {

    private final Validator temporal = new Validator();

    @Override
    public void initialize(WithinYears annotation) {
      temporal.initialize(annotation);
    }

    @Override
    public boolean isValid(DateTimeInput value, ConstraintValidatorContext context) {
      return value == null || temporal.isValid(value.temporal(), context);
    }
  }
}
