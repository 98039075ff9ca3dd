package org.invisiblebars.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.report.domain.PublicText;
import org.invisiblebars.report.domain.PublicTextCheck;
import org.junit.jupiter.api.Test;

/** The safety net under the redactor: known names and the allegation are refused, by field. */
class PublicTextCheckTest {

  private static final List<String> KNOWN = List.of("Anna O'Neil", "Martha Director", "José Pérez");
  private static final String ALLEGATION =
      "Two prisoners were beaten by officers on the night shift. No doctor came.";

  @Test
  void aKnownNameIsRefusedWhateverItsCaseAccentsOrSpacing() {
    PublicText text =
        new PublicText(
            "Remand wing",
            null,
            "Officer  ANNA o'neil keeps the keys; jose perez cleans.",
            "1. Paint the cells",
            "Accepted by martha director");

    assertThat(PublicTextCheck.problems(text, KNOWN, null))
        .containsExactly(
            new FieldProblem(
                "publicFindings",
                "names a person, which a public text must not: Anna O'Neil, José Pérez"),
            new FieldProblem(
                "publicResponse", "names a person, which a public text must not: Martha Director"));
  }

  @Test
  void aSentenceOfTheAllegationIsRefusedAndShortCommonPhrasesAreNot() {
    PublicText text =
        new PublicText(
            "Remand wing",
            null,
            "We noted: two prisoners were beaten by officers on the night shift!",
            "1. No doctor came",
            null);

    assertThat(PublicTextCheck.problems(text, KNOWN, ALLEGATION))
        .containsExactly(
            new FieldProblem(
                "publicFindings",
                "repeats the allegation, which is never part of the public version"));
  }

  @Test
  void aNameInsideAnotherWordOrAFirstNameAloneIsNotAMatch() {
    PublicText text =
        new PublicText("Annals of the wing", null, "Anna said the food is cold.", "1. Heat", null);

    assertThat(PublicTextCheck.problems(text, KNOWN, ALLEGATION)).isEmpty();
  }
}
