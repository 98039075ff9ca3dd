package org.invisiblebars.entry.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.invisiblebars.entry.usecase.VisitQueries.NoticeAcknowledgement;
import org.invisiblebars.entry.usecase.VisitQueries.SearchNotice;
import org.invisiblebars.platform.pdf.TestPdfTemplates;
import org.junit.jupiter.api.Test;

class SearchNoticePdfTest {

  private static final UUID VISIT = UUID.fromString("3f1c2b7a-8d4e-4c1a-9b2f-6e5d4c3b2a10");
  private static final String CYRILLIC =
      "\u0410\u043d\u043d\u0430 \u041f\u0435\u0442\u0440\u043e\u0432\u0430"; // Анна Петрова
  private static final String ARABIC =
      "\u0641\u0627\u0637\u0645\u0629 \u0627\u0644\u0632\u0647\u0631\u0627\u0621"; // فاطمة الزهراء
  private static final String ARABIC_ORGANISATION =
      "\u0645\u0646\u0638\u0645\u0629 \u0627\u0644\u0623\u0645\u0644"; // منظمة الأمل
  private static final String CHINESE = "\u738b\u79c0\u82f1"; // 王秀英
  private static final String CHINESE_ORGANISATION =
      "\u81ea\u7531\u4e4b\u5149\u57fa\u91d1\u4f1a"; // 自由之光基金会

  private final SearchNoticePdf renderer = new SearchNoticePdf(TestPdfTemplates.create());

  @Test
  void saysWhyAndHowEachVisitorIsSearchedAndWhoAcknowledged() throws IOException {
    String text =
        text(
            renderer.render(
                notice(
                    "Prison Watch",
                    List.of(
                        new NoticeAcknowledgement(
                            UUID.randomUUID(),
                            "Alice Martin",
                            Instant.parse("2027-03-01T08:15:00Z")),
                        new NoticeAcknowledgement(UUID.randomUUID(), "Bob Osei", null))),
                Locale.ENGLISH));

    assertThat(text)
        .contains(
            "Search notice",
            "Central Prison \u2014 Tuesday 2 March 2027, 09:00\u201312:00 (Europe/London)",
            "This document is in English.",
            "Organisation: Prison Watch",
            "Search level: Screening (SCREENING)",
            "Escort: Officer Grey, meeting at the visitors' gate",
            "Conditions: No phones.",
            "Why you are searched",
            "Everyone who enters Central Prison is searched",
            "its level was set by the prison's security staff from an assessment of this visit.",
            "How you will be searched",
            "Screening: You walk through a metal detector",
            "Your rights",
            "You will be searched with these techniques only, and never beyond the screening.",
            "You may refuse to be searched.",
            "Alice Martin: acknowledged 1 March 2027, 08:15 UTC",
            "Bob Osei: not acknowledged yet",
            "Search notice for visit VIS-2026-0345 \u2014 page 1 of 1");
  }

  @Test
  void visitorsAndOrganisationsNamedInCyrillicArabicAndChinesePrintAsWritten() throws IOException {
    byte[] pdf =
        renderer.render(
            notice(
                ARABIC_ORGANISATION + " / " + CHINESE_ORGANISATION,
                List.of(
                    new NoticeAcknowledgement(
                        UUID.randomUUID(), CYRILLIC, Instant.parse("2027-03-01T08:15:00Z")),
                    new NoticeAcknowledgement(UUID.randomUUID(), ARABIC, null),
                    new NoticeAcknowledgement(
                        UUID.randomUUID(), CHINESE, Instant.parse("2027-03-01T09:40:00Z")))),
            Locale.ENGLISH);

    assertThat(text(pdf))
        .doesNotContain("?", "#")
        .contains(
            "Organisation: " + ARABIC_ORGANISATION + " / " + CHINESE_ORGANISATION,
            CYRILLIC + ": acknowledged 1 March 2027, 08:15 UTC",
            ARABIC,
            "not acknowledged yet",
            CHINESE + ": acknowledged 1 March 2027, 09:40 UTC");
  }

  @Test
  void inFrenchTheNoticeSaysWhyHowAndTheRightsWithDatesInFrench() throws IOException {
    byte[] pdf =
        renderer.render(
            formal(
                notice(
                    "Observatoire des prisons",
                    List.of(
                        new NoticeAcknowledgement(
                            UUID.randomUUID(),
                            "François Garçon",
                            Instant.parse("2027-03-01T08:15:00Z")),
                        new NoticeAcknowledgement(UUID.randomUUID(), "Bob Osei", null)))),
            Locale.FRENCH);

    assertThat(text(pdf))
        .contains(
            "Avis de fouille",
            "Central Prison \u2014 mardi 2 mars 2027, 09:00\u201312:00 (Europe/London)",
            "Ce document est rédigé en français.",
            "Organisation : Observatoire des prisons",
            "Niveau de fouille : Palpation (PAT_DOWN)",
            "Accompagnateur : Officer Grey, rendez-vous à : the visitors' gate",
            "Pourquoi vous êtes fouillé",
            "Toute personne qui entre à Central Prison est fouillée",
            "cette visite a eu lieu de droit",
            ", et un contrôleur du MNP n\u2019est jamais fouillé au-delà de ce que permet son"
                + " mandat.",
            "Contrôle électronique : Vous passez sous un portique",
            "Palpation : Vous êtes contrôlé comme ci-dessus",
            "Vos droits",
            "jamais au-delà du niveau « palpation ».",
            "François Garçon : réception confirmée le 1 mars 2027, 08:15 UTC",
            "Bob Osei : réception pas encore confirmée",
            "Avis de fouille pour la visite VIS-2026-0345 \u2014 page 1 sur 1")
        .doesNotContain("Fouille approfondie", "Search notice", "Your rights");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("fr");
    }
  }

  @Test
  void inSpanishTheNoticeIsInSpanishWithItsAccentedLetters() throws IOException {
    byte[] pdf =
        renderer.render(notice("Compañía de Jesús", List.of()), Locale.forLanguageTag("es"));

    assertThat(text(pdf))
        .contains(
            "Aviso de registro",
            "Central Prison \u2014 martes 2 de marzo de 2027, 09:00\u201312:00",
            "Este documento está redactado en español.",
            "Organización: Compañía de Jesús",
            "Nivel de registro: Control electrónico (SCREENING)",
            "su nivel lo fijó el personal de seguridad de la prisión a partir de una evaluación"
                + " de esta visita.",
            "Sus derechos",
            "nunca más allá del nivel «control electrónico».",
            "Aviso de registro para la visita VIS-2026-0345 \u2014 página 1 de 1")
        .doesNotContain("Cacheo", "Search notice", "?");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("es");
      assertThat(document.getDocumentInformation().getTitle())
          .isEqualTo("Aviso de registro \u2014 Central Prison");
    }
  }

  @Test
  void markupInANameIsPrintedAsTextNeverFollowed() throws IOException {
    String name = "Watch <img src=\"file:///etc/hostname\"/> & <b>Co</b>";

    byte[] pdf = renderer.render(notice(name, List.of()), Locale.ENGLISH);

    assertThat(text(pdf)).contains("Organisation: " + name);
  }

  @Test
  void isTaggedForScreenReadersWithATitleAndALanguage() throws IOException {
    try (PDDocument document =
        Loader.loadPDF(renderer.render(notice("Prison Watch", List.of()), Locale.ENGLISH))) {
      assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
      assertThat(document.getDocumentCatalog().getStructureTreeRoot().getKids()).isNotEmpty();
      assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en");
      assertThat(document.getDocumentInformation().getTitle())
          .isEqualTo("Search notice \u2014 Central Prison");
      assertThat(document.getDocumentInformation().getCreator()).isEqualTo("Invisible Bars");
    }
  }

  private static SearchNotice notice(
      String organisation, List<NoticeAcknowledgement> acknowledgements) {
    return new SearchNotice(
        VISIT,
        "VIS-2026-0345",
        organisation,
        "Central Prison",
        "2 March 2027, 09:00 to 12:00",
        "SCREENING",
        "Screening",
        "Visitors may carry items into the facility.",
        List.of("A walk-through metal detector."),
        List.of("You may refuse to be searched; you will then not enter."),
        "No phones.",
        "Officer Grey",
        "the visitors' gate",
        Instant.parse("2027-02-20T10:00:00Z"),
        acknowledgements,
        Instant.parse("2027-03-02T09:00:00Z"),
        Instant.parse("2027-03-02T12:00:00Z"),
        "Europe/London",
        false,
        null);
  }

  /** The notice of a formal monitor's visit that went ahead by right, searched up to a pat-down. */
  private static SearchNotice formal(SearchNotice n) {
    return new SearchNotice(
        n.visitId(),
        n.reference(),
        n.organisationName(),
        n.facilityName(),
        n.window(),
        "PAT_DOWN",
        "Pat-down",
        n.why(),
        n.techniques(),
        n.rights(),
        n.conditions(),
        n.escort(),
        n.meetingPoint(),
        n.issuedAt(),
        n.acknowledgements(),
        n.windowStart(),
        n.windowEnd(),
        n.zone(),
        true,
        "NPM");
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }
}
