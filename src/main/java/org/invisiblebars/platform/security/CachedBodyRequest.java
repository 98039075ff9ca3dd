package org.invisiblebars.platform.security;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** A request whose body has been read once to inspect it and can be read again downstream. */
final class CachedBodyRequest extends HttpServletRequestWrapper {

  /** Bodies larger than this are not inspected but refused; no task query comes near it. */
  static final int MAX_INSPECTED_BYTES = 1024 * 1024;

  private final byte[] body;

  private CachedBodyRequest(HttpServletRequest request, byte[] body) {
    super(request);
    this.body = body;
  }

  /**
   * Reads the body of {@code request}; null when it is larger than {@link #MAX_INSPECTED_BYTES}.
   */
  static CachedBodyRequest of(HttpServletRequest request) throws IOException {
    return of(request, MAX_INSPECTED_BYTES);
  }

  /** Reads the body of {@code request}; null when it is larger than {@code maxBytes}. */
  static CachedBodyRequest of(HttpServletRequest request, int maxBytes) throws IOException {
    byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
    return body.length > maxBytes ? null : new CachedBodyRequest(request, body);
  }

  byte[] body() {
    return body;
  }

  String bodyAsString() {
    String encoding = getCharacterEncoding();
    Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    return new String(body, charset);
  }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        return in.read(b, off, len);
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("synchronous reads only");
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
  }
}
