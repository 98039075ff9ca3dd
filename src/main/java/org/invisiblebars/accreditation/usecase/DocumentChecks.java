package org.invisiblebars.accreditation.usecase;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Set;
import org.apache.tika.Tika;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * What a supporting document must be, judged on its bytes: a PDF, PNG or JPEG file as Apache Tika
 * detects it from its content (its magic bytes; the name it came with is never asked, so an
 * executable named {@code statutes.pdf} is refused), not empty, and no larger than {@code
 * invisible-bars.documents.max-size}. Its name is kept only to be shown, sanitised.
 */
@Component
public class DocumentChecks {

  /** The types taken, as Tika names them. */
  static final Set<String> ACCEPTED = Set.of("application/pdf", "image/png", "image/jpeg");

  private static final int MAX_NAME = 200;

  private final Tika tika = new Tika();
  private final long maxSize;

  DocumentChecks(@Value("${invisible-bars.documents.max-size:10MB}") DataSize maxSize) {
    this.maxSize = maxSize.toBytes();
  }

  /**
   * The document's detected type, size, digest and sanitised name.
   *
   * @throws InvalidInputException naming {@code field} when the file is empty, too large, or not a
   *     PDF, PNG or JPEG file
   */
  public Checked check(String field, String originalName, byte[] content) {
    if (content == null || content.length == 0) {
      throw InvalidInputException.of(field, "is empty: choose a PDF, PNG or JPEG file");
    }
    if (content.length > maxSize) {
      throw InvalidInputException.of(field, tooLarge());
    }
    String type = tika.detect(content);
    if (!ACCEPTED.contains(type)) {
      throw InvalidInputException.of(
          field, "must be a PDF, PNG or JPEG file (its content is not one, whatever its name)");
    }
    return new Checked(sanitisedName(originalName, type), type, content.length, sha256(content));
  }

  /** The problem of a file over the limit, in the words of {@link #check}. */
  public String tooLarge() {
    long megabyte = 1024 * 1024;
    return maxSize % megabyte == 0
        ? "must be at most " + maxSize / megabyte + " MB"
        : "must be at most " + maxSize / 1024 + " KB";
  }

  public long maxSize() {
    return maxSize;
  }

  /**
   * The last segment of the name a browser sent, with letters, digits, spaces, dots, dashes,
   * underscores and brackets only (anything else becomes {@code _}), at most 200 characters; a name
   * left empty becomes {@code document} with the extension of the detected type.
   */
  static String sanitisedName(String original, String type) {
    String name = original == null ? "" : original;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = Normalizer.normalize(name, Normalizer.Form.NFC);
    name = name.replaceAll("[^\\p{L}\\p{N} ._()\\-]", "_").strip();
    while (name.startsWith(".")) {
      name = name.substring(1);
    }
    if (name.isBlank() || name.chars().allMatch(c -> c == '_' || c == '.')) {
      name = "document" + extension(type);
    }
    return name.length() > MAX_NAME ? name.substring(name.length() - MAX_NAME) : name;
  }

  private static String extension(String type) {
    return switch (type) {
      case "application/pdf" -> ".pdf";
      case "image/png" -> ".png";
      default -> ".jpg";
    };
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", impossible);
    }
  }

  /** A document that passed the checks. */
  public record Checked(String fileName, String mediaType, long size, String sha256) {}
}
