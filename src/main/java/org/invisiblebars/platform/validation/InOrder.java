package org.invisiblebars.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A cross-field rule of an input record: {@link #later} comes after {@link #earlier} (times, dates,
 * instants) when both are given; the violation is reported on {@link #later}. Bean Validation has
 * no constraint comparing two fields.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = InOrder.Check.class)
@Documented
public @interface InOrder {

  String earlier();

  String later();

  String message() default "{org.invisiblebars.platform.validation.InOrder.message}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks one {@link InOrder} on a record. */
  class Check implements ConstraintValidator<InOrder, Record> {

    private InOrder rule;

    @Override
    public void initialize(InOrder rule) {
      this.rule = rule;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public boolean isValid(Record input, ConstraintValidatorContext context) {
      if (input == null) {
        return true;
      }
      Object earlier = RecordComponents.value(input, rule.earlier());
      Object later = RecordComponents.value(input, rule.later());
      if (!(earlier instanceof Comparable first) || later == null || first.compareTo(later) < 0) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(rule.message())
          .addPropertyNode(rule.later())
          .addConstraintViolation();
      return false;
    }
  }
}
