package org.invisiblebars.platform.session;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's web applications keep their sign-ins in the session (attribute {@value #ATTRIBUTE}) and
 * their authentication filter stores it again at the end of every request, changed or not. With the
 * sessions in the database (Spring Session JDBC), and that store coming after Spring Session has
 * already saved the session when the response was committed, every Tasklist request wrote the
 * attribute once more, in a transaction of its own. This filter, between Spring Session and
 * Camunda's filters, lets that store through only when the attribute's serialized form differs from
 * what this request read from the session: a sign-in, a sign-out or a refreshed authentication is
 * stored as before, an unchanged one is not written again.
 *
 * <p>Hand-written because neither Spring Session nor Camunda offers it: Spring Session saves every
 * attribute that is set, and Camunda's filter sets it unconditionally in a {@code finally}.
 */
class UnchangedWebappSignIns extends OncePerRequestFilter {

  /** Camunda's {@code AuthenticationUtil.CAM_AUTH_SESSION_KEY} (not public). */
  static final String ATTRIBUTE = "authenticatedUser";

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(new Request(request), response);
  }

  /** The request whose sessions remember the sign-ins as they were read, by session id. */
  private static final class Request extends HttpServletRequestWrapper {

    private final Map<String, byte[]> readBySession = new HashMap<>();

    Request(HttpServletRequest request) {
      super(request);
    }

    @Override
    public HttpSession getSession(boolean create) {
      HttpSession session = super.getSession(create);
      return session == null ? null : new Session(session, readBySession);
    }

    @Override
    public HttpSession getSession() {
      return getSession(true);
    }
  }

  /**
   * A session that skips storing the sign-ins unchanged; everything else goes to the session as it
   * is.
   */
  private record Session(HttpSession session, Map<String, byte[]> readBySession)
      implements HttpSession {

    @Override
    public Object getAttribute(String name) {
      Object value = session.getAttribute(name);
      if (ATTRIBUTE.equals(name) && value != null) {
        readBySession.putIfAbsent(session.getId(), serialized(value));
      }
      return value;
    }

    @Override
    public void setAttribute(String name, Object value) {
      if (ATTRIBUTE.equals(name) && value != null) {
        byte[] read = readBySession.get(session.getId());
        byte[] now = serialized(value);
        if (read != null && now != null && Arrays.equals(read, now)) {
          return;
        }
        readBySession.put(session.getId(), now);
      }
      session.setAttribute(name, value);
    }

    /**
     * The attribute's value as a session store writes it; null (never taken for unchanged) when it
     * cannot be written.
     */
    private static byte[] serialized(Object value) {
      if (!(value instanceof Serializable)) {
        return null;
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(value);
      } catch (IOException e) {
        return null;
      }
      return bytes.toByteArray();
    }

    @Override
    public void removeAttribute(String name) {
      if (ATTRIBUTE.equals(name)) {
        readBySession.remove(session.getId());
      }
      session.removeAttribute(name);
    }

    @Override
    public void invalidate() {
      readBySession.remove(session.getId());
      session.invalidate();
    }

    @Override
    public long getCreationTime() {
      return session.getCreationTime();
    }

    @Override
    public String getId() {
      return session.getId();
    }

    @Override
    public long getLastAccessedTime() {
      return session.getLastAccessedTime();
    }

    @Override
    public ServletContext getServletContext() {
      return session.getServletContext();
    }

    @Override
    public void setMaxInactiveInterval(int interval) {
      session.setMaxInactiveInterval(interval);
    }

    @Override
    public int getMaxInactiveInterval() {
      return session.getMaxInactiveInterval();
    }

    @Override
    public Enumeration<String> getAttributeNames() {
      return session.getAttributeNames();
    }

    @Override
    public boolean isNew() {
      return session.isNew();
    }
  }
}
