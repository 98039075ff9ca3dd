package org.invisiblebars.accreditation.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.invisiblebars.accreditation.usecase.MouDocument;
import org.invisiblebars.accreditation.usecase.MouDocument.Signature;
import org.invisiblebars.platform.pdf.TestPdfTemplates;
import org.junit.jupiter.api.Test;

class MouPdfRendererTest {

  private static final UUID ACCREDITATION_ID =
      UUID.fromString("7c0e8a52-3f4b-4d2e-9a51-0b6f2d1c9e47");
  private static final Instant COUNTERSIGNED = Instant.parse("2027-02-15T10:30:00Z");
  private static final Instant SIGNED = Instant.parse("2027-02-20T14:05:00Z");

  private final MouPdfRenderer renderer = new MouPdfRenderer(TestPdfTemplates.create());

  @Test
  void aSignedMemorandumShowsEveryClauseTheSignaturesAndTheFooter() throws IOException {
    MouDocument mou = full();
    byte[] pdf = renderer.render(mou, Locale.ENGLISH);
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target/mou-sample.pdf"), pdf);

    Rendered rendered = read(pdf);

    assertThat(rendered.bodyText())
        .contains(
            "Memorandum of Understanding",
            "between the prison administration and Hope Behind Walls",
            "Version 3 \u2014 signed by both parties",
            "The prison administration, represented by the Director of the prison service",
            "Hope Behind Walls, a non-governmental organisation, accredited for prison services",
            "Facilities covered: Central Prison, Women's Prison North",
            "1. Mandate and expectations",
            "Vocational training in carpentry for sentenced prisoners.",
            "2. Demarcation of responsibilities",
            "Prison staff keep custody and discipline at all times.",
            "never replace the obligations and duties of prison staff",
            "3. Who \u2014 representatives",
            "Ana Costa",
            "John Mensah",
            "4. When \u2014 days and hours",
            "Days: Tuesdays and Thursdays",
            "Hours: 09:00 to 12:00",
            "5. How \u2014 procedures inside the facility",
            "Escorted by a liaison officer from the gate.",
            "6. What \u2014 allowed activities",
            "Workshops of at most twelve prisoners.",
            "7. Where not \u2014 excluded areas",
            "Segregation unit and control room.",
            "8. Confidentiality",
            "who have 45 days from its receipt to respond before it is published",
            "If they do not engage within that period, the organisation is free",
            "9. Term",
            "This memorandum runs for 24 months, from 1 March 2027 to 28 February 2029.",
            "renewal is a new",
            "10. Continuity plan",
            "A second trainer takes over the workshops within one week.",
            "11. Universal access",
            "of any religion or none",
            "Signatures",
            "Signed for version 3 of this memorandum.",
            "For the prison administration",
            "Director of the prison service",
            "Signed electronically by Martha Director",
            "Name: Martha Director",
            "Date: 20 February 2027, 14:05 UTC",
            "For Hope Behind Walls",
            "Representative of the organisation",
            "Name: John Mensah",
            "Date: 15 February 2027, 10:30 UTC");
    assertThat(rendered.text())
        .containsSubsequence(
            "1. Mandate",
            "2. Demarcation",
            "3. Who",
            "4. When",
            "5. How",
            "6. What",
            "7. Where not",
            "8. Confidentiality",
            "9. Term",
            "10. Continuity plan",
            "11. Universal access",
            "Signatures");
    assertThat(rendered.pages()).isGreaterThanOrEqualTo(2);
    assertEveryPageHasItsFooter(rendered, "MoU ACC-2026-0012 \u2014 version 3");
    assertAllTextStaysInsideThePage(pdf);
  }

  @Test
  void aMinimalDraftLeavesTheSignaturesOpenAndTheOptionalClausesOut() throws IOException {
    Rendered rendered = read(renderer.render(minimal(), Locale.ENGLISH));

    assertThat(rendered.bodyText())
        .contains(
            "Version 1 \u2014 draft for signature",
            "a non-governmental organisation, accredited for monitoring",
            "No representative has been cleared yet",
            "who have 30 days from its receipt to respond",
            "This memorandum runs for 12 months from the day the Director signs it.",
            "For the prison administration",
            "For Prison Watch",
            "Name:",
            "Date:")
        .doesNotContain("Signed electronically", "Continuity plan", "Universal access", "10.");
    assertEveryPageHasItsFooter(rendered, "MoU " + minimal().reference() + " \u2014 version 1");
  }

  @Test
  void onlyAReligiousBasedOrganisationCommitsToUniversalAccess() throws IOException {
    String religious = read(renderer.render(minimal(true, true), Locale.ENGLISH)).bodyText();
    String secular = read(renderer.render(minimal(false, false), Locale.ENGLISH)).bodyText();

    assertThat(religious)
        .contains(
            "10. Universal access",
            "Prison Watch is a religious-based organisation and commits to serve every",
            "of any religion or none");
    assertThat(secular).doesNotContain("Universal access", "religion");
  }

  @Test
  void aReligiousBasedOrganisationWithoutTheCommitmentShowsTheGap() throws IOException {
    String text = read(renderer.render(minimal(true, false), Locale.ENGLISH)).bodyText();

    assertThat(text)
        .contains(
            "Universal access",
            "has not yet committed",
            "This memorandum is not signed without that commitment.");
  }

  @Test
  void prisonServicesShowTheContinuityPlanOrItsAbsence() throws IOException {
    assertThat(read(renderer.render(full(), Locale.ENGLISH)).bodyText())
        .contains(
            "10. Continuity plan", "A second trainer takes over the workshops within one week.");

    MouDocument withoutPlan = with(full(), null, "PRISON_SERVICES");
    assertThat(read(renderer.render(withoutPlan, Locale.ENGLISH)).bodyText())
        .contains("10. Continuity plan", "No continuity plan has been agreed yet.");
  }

  @Test
  void aLongClauseFlowsOntoFurtherPagesAndKeepsAllItsText() throws IOException {
    String clause =
        IntStream.rangeClosed(1, 700)
            .mapToObj(i -> String.format("word%04d", i))
            .collect(Collectors.joining(" "));
    assertThat(clause.length()).isGreaterThan(6000);
    MouDocument mou = withProcedures(minimal(), clause);

    byte[] pdf = renderer.render(mou, Locale.ENGLISH);
    Rendered rendered = read(pdf);

    assertThat(rendered.pages()).isGreaterThanOrEqualTo(3);
    assertThat(rendered.bodyText()).contains(clause);
    assertEveryPageHasItsFooter(rendered, "MoU " + mou.reference() + " \u2014 version 1");
    assertAllTextStaysInsideThePage(pdf);
  }

  @Test
  void aWordWiderThanTheLineIsBrokenInsideTheMargins() throws IOException {
    String link = "https://example.org/" + "a".repeat(300);
    byte[] pdf =
        renderer.render(
            withProcedures(minimal(), "See " + link + " for the procedures."), Locale.ENGLISH);

    assertThat(read(pdf).bodyText().replaceAll("\\s", "")).contains(link);
    assertAllTextStaysInsideThePage(pdf);
  }

  @Test
  void namesInCyrillicArabicAndChinesePrintAsWritten() throws IOException {
    String cyrillic =
        "\u0424\u043e\u043d\u0434 \u00ab\u0421\u0432\u043e\u0431\u043e\u0434\u0430\u00bb"; // Фонд
    // «Свобода»
    String arabic = "\u0645\u0646\u0638\u0645\u0629 \u0627\u0644\u0623\u0645\u0644"; // منظمة الأمل
    String chinese = "\u81ea\u7531\u4e4b\u5149\u57fa\u91d1\u4f1a"; // 自由之光基金会
    String representative =
        "\u0410\u043d\u043d\u0430 \u041f\u0435\u0442\u0440\u043e\u0432\u0430"; // Анна Петрова
    String arabicRepresentative =
        "\u0641\u0627\u0637\u0645\u0629 \u0627\u0644\u0632\u0647\u0631\u0627\u0621"; // فاطمة
    // الزهراء
    String chineseRepresentative = "\u5f20\u4f1f"; // 张伟
    String organisation = cyrillic + " / " + arabic + " / " + chinese;
    MouDocument mou =
        withSignatures(
            withRepresentatives(
                withOrganisation(full(), organisation),
                List.of(representative, arabicRepresentative, chineseRepresentative)),
            new Signature(chineseRepresentative, COUNTERSIGNED),
            new Signature(arabicRepresentative, SIGNED));

    byte[] pdf = renderer.render(mou, Locale.ENGLISH);
    String text = read(pdf).bodyText();

    assertThat(text)
        .doesNotContain("?", "#")
        .contains(
            cyrillic,
            arabic,
            chinese,
            representative,
            arabicRepresentative,
            chineseRepresentative,
            "between the prison administration and " + cyrillic,
            "For " + cyrillic,
            "Signed electronically by " + chineseRepresentative,
            "Name: " + chineseRepresentative,
            "Signed electronically by " + arabicRepresentative,
            "Name: " + arabicRepresentative);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getDocumentInformation().getTitle()).contains(cyrillic, arabic, chinese);
      for (PDPage page : document.getPages()) {
        for (COSName name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as("font %s is embedded", font.getName()).isTrue();
          assertThat(font.getName())
              .as("only the glyphs used are embedded")
              .matches("[A-Z]{6}\\+.+");
        }
      }
    }
    // the CJK font file is megabytes; its subset keeps the document small
    assertThat(pdf.length).isLessThan(200_000);
  }

  @Test
  void theDocumentIsTaggedForScreenReadersWithItsLanguageAndEmbeddedFonts() throws IOException {
    try (PDDocument document = Loader.loadPDF(renderer.render(full(), Locale.ENGLISH))) {
      PDDocumentCatalog catalog = document.getDocumentCatalog();
      assertThat(catalog.getMarkInfo()).isNotNull();
      assertThat(catalog.getMarkInfo().isMarked()).as("tagged PDF").isTrue();
      assertThat(catalog.getStructureTreeRoot()).isNotNull();
      assertThat(catalog.getStructureTreeRoot().getKids()).isNotEmpty();
      assertThat(catalog.getLanguage()).isEqualTo("en");
      assertThat(catalog.getViewerPreferences().displayDocTitle())
          .as("viewers show the title")
          .isTrue();
      for (PDPage page : document.getPages()) {
        for (COSName name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as("font %s is embedded", font.getName()).isTrue();
        }
      }
    }
  }

  @Test
  void inFrenchTheLegalTextIsTranslatedAndTheClausesThePartiesWroteStayAsWritten()
      throws IOException {
    byte[] pdf = renderer.render(full(), Locale.FRENCH);
    String text = read(pdf).text().replaceAll("\\s+", " ");

    assertThat(text)
        .contains(
            "Protocole d\u2019accord",
            "entre l\u2019administration pénitentiaire et Hope Behind Walls",
            "Ce document est rédigé en français.",
            "Version 3 \u2014 signée par les deux parties",
            "Hope Behind Walls, organisation non gouvernementale, accréditée pour des services en"
                + " prison",
            "Établissements concernés : Central Prison, Women's Prison North",
            "1. Mandat et attentes",
            "Vocational training in carpentry for sentenced prisoners.",
            "8. Confidentialité",
            "qui disposent de 45 jours à compter de leur réception",
            "Le présent protocole est conclu pour 24 mois, du 1 mars 2027 au 28 février 2029.",
            "Signé électroniquement par Martha Director",
            "Date : 20 février 2027, 14:05 UTC",
            "Protocole d\u2019accord ACC-2026-0012 \u2014 version 3 \u2014 page 1 sur")
        .doesNotContain("Memorandum of Understanding", "Confidentiality", "Signatures of");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("fr");
      assertThat(document.getDocumentInformation().getTitle())
          .isEqualTo("Protocole d\u2019accord \u2014 Hope Behind Walls");
    }
  }

  @Test
  void inSpanishAccentedLettersPrintWithTheEmbeddedFont() throws IOException {
    byte[] pdf = renderer.render(minimal(), Locale.forLanguageTag("es-MX"));
    String text = read(pdf).text().replaceAll("\\s+", " ");

    assertThat(text)
        .contains(
            "Memorando de entendimiento",
            "Este documento está redactado en español.",
            "Versión 1 \u2014 proyecto para firma",
            "organización no gubernamental, acreditada para el monitoreo de los lugares de"
                + " detención",
            "que disponen de 30 días desde su recepción",
            "Este memorando tiene una vigencia de 12 meses a partir del día en que lo firme el"
                + " director.",
            "Por la administración penitenciaria",
            "Nombre:",
            "página 1 de")
        .doesNotContain("Memorandum of Understanding", "?");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getDocumentCatalog().getLanguage())
          .as("a regional variant is written in the language")
          .isEqualTo("es");
    }
  }

  @Test
  void aLanguageWeDoNotWriteInGetsTheEnglishDocument() throws IOException {
    byte[] pdf = renderer.render(minimal(), Locale.GERMAN);

    assertThat(read(pdf).bodyText())
        .contains("Memorandum of Understanding", "This document is in English.");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en");
    }
  }

  @Test
  void theDocumentDescribesItself() throws IOException {
    try (PDDocument document = Loader.loadPDF(renderer.render(full(), Locale.ENGLISH))) {
      PDDocumentInformation info = document.getDocumentInformation();
      assertThat(info.getTitle()).isEqualTo("Memorandum of Understanding \u2014 Hope Behind Walls");
      assertThat(info.getSubject()).contains("Hope Behind Walls", "version 3", "ACC-2026-0012");
      assertThat(info.getCreator()).isEqualTo("Invisible Bars");
      assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(595.27f, offset(0.1f));
    }
  }

  @Test
  void signingByTheOrganisationAloneAwaitsTheDirector() throws IOException {
    MouDocument countersigned =
        new MouDocument(
            ACCREDITATION_ID,
            "ACC-2026-0012",
            2,
            "Prison Watch",
            "NGO",
            "MONITORING",
            "Monitoring.",
            "Staff duties stay with staff.",
            List.of("Ana Costa"),
            "Mondays",
            "10:00 to 12:00",
            "Escorted.",
            "Interviews.",
            "Armoury.",
            30,
            12,
            null,
            null,
            null,
            false,
            false,
            "Central Prison",
            new Signature("Ana Costa", COUNTERSIGNED),
            null,
            null);

    String text = read(renderer.render(countersigned, Locale.ENGLISH)).bodyText();

    assertThat(text)
        .contains(
            "countersigned by the organisation, awaiting the Director's signature",
            "Signed electronically by Ana Costa");
    assertThat(text).containsSubsequence("For the prison administration", "Name:", "Date:");
  }

  // --- documents

  private static MouDocument full() {
    return new MouDocument(
        ACCREDITATION_ID,
        "ACC-2026-0012",
        3,
        "Hope Behind Walls",
        "NGO",
        "PRISON_SERVICES",
        "Vocational training in carpentry for sentenced prisoners.",
        "Prison staff keep custody and discipline at all times.",
        List.of("Ana Costa", "John Mensah"),
        "Tuesdays and Thursdays",
        "09:00 to 12:00",
        "Escorted by a liaison officer from the gate.",
        "Workshops of at most twelve prisoners.",
        "Segregation unit and control room.",
        45,
        24,
        LocalDate.of(2027, 3, 1),
        LocalDate.of(2029, 2, 28),
        "A second trainer takes over the workshops within one week.",
        true,
        true,
        "Central Prison, Women's Prison North",
        new Signature("John Mensah", COUNTERSIGNED),
        new Signature("Martha Director", SIGNED),
        null);
  }

  private static MouDocument minimal() {
    return minimal(false, false);
  }

  private static MouDocument minimal(boolean religiousBased, boolean universalAccess) {
    return new MouDocument(
        UUID.fromString("00000000-0000-4000-8000-000000000001"),
        "ACC-2026-0012",
        1,
        "Prison Watch",
        "NGO",
        "MONITORING",
        "Monitoring of conditions of detention.",
        "Staff duties stay with staff.",
        List.of(),
        "Mondays",
        "10:00 to 12:00",
        "Escorted.",
        "Interviews.",
        "Armoury.",
        30,
        12,
        null,
        null,
        null,
        religiousBased,
        universalAccess,
        "Central Prison",
        null,
        null,
        null);
  }

  private static MouDocument with(MouDocument m, String continuityPlan, String programmeType) {
    return new MouDocument(
        m.accreditationId(),
        m.reference(),
        m.version(),
        m.organisationName(),
        m.mandateType(),
        programmeType,
        m.mandateAndExpectations(),
        m.responsibilities(),
        m.representatives(),
        m.days(),
        m.hours(),
        m.procedures(),
        m.allowedActivities(),
        m.excludedAreas(),
        m.confidentialityReviewDays(),
        m.termMonths(),
        m.termStart(),
        m.termEnd(),
        continuityPlan,
        m.religiousBased(),
        m.universalAccessCommitment(),
        m.facilities(),
        m.ngoSignature(),
        m.directorSignature(),
        null);
  }

  private static MouDocument withProcedures(MouDocument m, String procedures) {
    return new MouDocument(
        m.accreditationId(),
        m.reference(),
        m.version(),
        m.organisationName(),
        m.mandateType(),
        m.programmeType(),
        m.mandateAndExpectations(),
        m.responsibilities(),
        m.representatives(),
        m.days(),
        m.hours(),
        procedures,
        m.allowedActivities(),
        m.excludedAreas(),
        m.confidentialityReviewDays(),
        m.termMonths(),
        m.termStart(),
        m.termEnd(),
        m.continuityPlan(),
        m.religiousBased(),
        m.universalAccessCommitment(),
        m.facilities(),
        m.ngoSignature(),
        m.directorSignature(),
        null);
  }

  private static MouDocument withOrganisation(MouDocument m, String organisationName) {
    return new MouDocument(
        m.accreditationId(),
        m.reference(),
        m.version(),
        organisationName,
        m.mandateType(),
        m.programmeType(),
        m.mandateAndExpectations(),
        m.responsibilities(),
        m.representatives(),
        m.days(),
        m.hours(),
        m.procedures(),
        m.allowedActivities(),
        m.excludedAreas(),
        m.confidentialityReviewDays(),
        m.termMonths(),
        m.termStart(),
        m.termEnd(),
        m.continuityPlan(),
        m.religiousBased(),
        m.universalAccessCommitment(),
        m.facilities(),
        m.ngoSignature(),
        m.directorSignature(),
        null);
  }

  private static MouDocument withRepresentatives(MouDocument m, List<String> representatives) {
    return new MouDocument(
        m.accreditationId(),
        m.reference(),
        m.version(),
        m.organisationName(),
        m.mandateType(),
        m.programmeType(),
        m.mandateAndExpectations(),
        m.responsibilities(),
        representatives,
        m.days(),
        m.hours(),
        m.procedures(),
        m.allowedActivities(),
        m.excludedAreas(),
        m.confidentialityReviewDays(),
        m.termMonths(),
        m.termStart(),
        m.termEnd(),
        m.continuityPlan(),
        m.religiousBased(),
        m.universalAccessCommitment(),
        m.facilities(),
        m.ngoSignature(),
        m.directorSignature(),
        null);
  }

  private static MouDocument withSignatures(MouDocument m, Signature ngo, Signature director) {
    return new MouDocument(
        m.accreditationId(),
        m.reference(),
        m.version(),
        m.organisationName(),
        m.mandateType(),
        m.programmeType(),
        m.mandateAndExpectations(),
        m.responsibilities(),
        m.representatives(),
        m.days(),
        m.hours(),
        m.procedures(),
        m.allowedActivities(),
        m.excludedAreas(),
        m.confidentialityReviewDays(),
        m.termMonths(),
        m.termStart(),
        m.termEnd(),
        m.continuityPlan(),
        m.religiousBased(),
        m.universalAccessCommitment(),
        m.facilities(),
        ngo,
        director,
        null);
  }

  // --- reading the PDF back

  /** The extracted text, with each page's lines kept apart so footers can be told from the body. */
  private record Rendered(int pages, String text) {

    /** The text without footers, its lines joined by single spaces, as a reader would follow it. */
    String bodyText() {
      return text.lines()
          .filter(line -> !line.matches("MoU .* page \\d+ of \\d+"))
          .collect(Collectors.joining(" "))
          .replaceAll("\\s+", " ");
    }
  }

  private static Rendered read(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setLineSeparator("\n");
      return new Rendered(document.getNumberOfPages(), stripper.getText(document));
    }
  }

  private static void assertEveryPageHasItsFooter(Rendered rendered, String prefix) {
    for (int page = 1; page <= rendered.pages(); page++) {
      assertThat(rendered.text())
          .contains(prefix + " \u2014 page " + page + " of " + rendered.pages());
    }
  }

  /** Every glyph lies within the A4 page, at least a few millimetres from each edge. */
  private static void assertAllTextStaysInsideThePage(byte[] pdf) throws IOException {
    List<TextPosition> positions = new ArrayList<>();
    PDFTextStripper collector =
        new PDFTextStripper() {
          @Override
          protected void writeString(String text, List<TextPosition> textPositions)
              throws IOException {
            positions.addAll(textPositions);
            super.writeString(text, textPositions);
          }
        };
    try (PDDocument document = Loader.loadPDF(pdf)) {
      collector.getText(document);
      float width = document.getPage(0).getMediaBox().getWidth();
      float height = document.getPage(0).getMediaBox().getHeight();
      assertThat(positions)
          .isNotEmpty()
          .allSatisfy(
              position -> {
                assertThat(position.getXDirAdj()).isBetween(56f, width - 56f);
                assertThat(position.getXDirAdj() + position.getWidthDirAdj())
                    .isLessThanOrEqualTo(width - 56f);
                assertThat(position.getYDirAdj()).isBetween(20f, height - 20f);
              });
    }
  }
}
