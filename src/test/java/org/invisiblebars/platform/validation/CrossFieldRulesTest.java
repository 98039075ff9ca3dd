package org.invisiblebars.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** The cross-field constraints of input records report on the field the person must change. */
class CrossFieldRulesTest {

  private static final Validator VALIDATOR =
      Validation.buildDefaultValidatorFactory().getValidator();

  enum Answer {
    YES,
    NO
  }

  @RequiredWhen(
      field = "reasons",
      when = "answer",
      is = "NO",
      message = "is required when the answer is no")
  record Refusal(Answer answer, String reasons) {}

  @InOrder(earlier = "from", later = "until")
  record Hours(LocalTime from, LocalTime until) {}

  @Test
  void requiredWhenAppliesOnlyToTheNamedValues() {
    assertThat(VALIDATOR.validate(new Refusal(Answer.NO, " ")))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.getPropertyPath().toString()).isEqualTo("reasons");
              assertThat(v.getMessage()).isEqualTo("is required when the answer is no");
            });
    assertThat(VALIDATOR.validate(new Refusal(Answer.NO, "Too late"))).isEmpty();
    assertThat(VALIDATOR.validate(new Refusal(Answer.YES, null))).isEmpty();
    assertThat(VALIDATOR.validate(new Refusal(null, null))).isEmpty();
  }

  @Test
  void inOrderReportsOnTheLaterField() {
    assertThat(VALIDATOR.validate(new Hours(LocalTime.of(15, 0), LocalTime.of(10, 0))))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.getPropertyPath().toString()).isEqualTo("until");
              assertThat(v.getMessage()).isEqualTo("must be after from");
            });
    assertThat(VALIDATOR.validate(new Hours(LocalTime.of(10, 0), LocalTime.of(10, 0)))).hasSize(1);
    assertThat(VALIDATOR.validate(new Hours(LocalTime.of(10, 0), LocalTime.of(15, 0)))).isEmpty();
    assertThat(VALIDATOR.validate(new Hours(null, LocalTime.of(15, 0)))).isEmpty();
  }
}
