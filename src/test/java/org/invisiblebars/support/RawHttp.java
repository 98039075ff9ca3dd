package org.invisiblebars.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a bare socket, for bodies that HTTP clients will not send as an attacker does: a
 * declared length far above what is then sent (as when a server refuses a 50 MB upload on its
 * headers alone), or a chunked body without any length. Reads the answer the server gives while the
 * body is still coming, which a client that first writes the whole body would never see.
 */
public final class RawHttp {

  private static final int TIMEOUT_MILLIS = 20_000;

  private RawHttp() {}

  /** The status, headers (lower-case names) and body of an answer. */
  public record Answer(int status, Map<String, String> headers, String body) {}

  /**
   * Declares {@code declaredLength} bytes of body but sends only the first {@code sent} of them.
   */
  public static Answer declaring(
      int port,
      String method,
      String path,
      String credentials,
      String contentType,
      long declaredLength,
      byte[] sent) {
    return exchange(
        port,
        method,
        path,
        credentials,
        contentType,
        "Content-Length: " + declaredLength,
        out -> out.write(sent));
  }

  /** Sends {@code total} bytes of {@code filler} in 64 KiB chunks, with no length declared. */
  public static Answer chunked(
      int port,
      String method,
      String path,
      String credentials,
      String contentType,
      int total,
      byte filler) {
    return exchange(
        port,
        method,
        path,
        credentials,
        contentType,
        "Transfer-Encoding: chunked",
        out -> {
          byte[] chunk = new byte[64 * 1024];
          Arrays.fill(chunk, filler);
          for (int left = total; left > 0; left -= chunk.length) {
            int size = Math.min(left, chunk.length);
            out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(chunk, 0, size);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          }
          out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        });
  }

  private interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  private static Answer exchange(
      int port,
      String method,
      String path,
      String credentials,
      String contentType,
      String lengthHeader,
      Body body) {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      StringBuilder head =
          new StringBuilder()
              .append(method)
              .append(' ')
              .append(path)
              .append(" HTTP/1.1\r\n")
              .append("Host: localhost:")
              .append(port)
              .append("\r\n")
              .append("Content-Type: ")
              .append(contentType)
              .append("\r\n")
              .append("Connection: close\r\n")
              .append(lengthHeader)
              .append("\r\n");
      if (credentials != null) {
        head.append("Authorization: Basic ")
            .append(
                Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
            .append("\r\n");
      }
      out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
      try {
        body.writeTo(out);
        out.flush();
      } catch (IOException refusedWhileSending) {
        // the server answered and closed before the body was through: its answer is still to be
        // read
      }
      return read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Answer read(InputStream in) throws IOException {
    String statusLine = line(in);
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = line(in); !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      headers.put(
          line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).trim());
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (headers.containsKey("content-length")) {
      body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
    } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16);
          size > 0;
          size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
        body.write(in.readNBytes(size));
        line(in);
      }
    } else {
      body.write(in.readAllBytes());
    }
    return new Answer(status, headers, body.toString(StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("the connection closed in the middle of a line");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }
}
