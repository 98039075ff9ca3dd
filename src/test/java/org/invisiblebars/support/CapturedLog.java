package org.invisiblebars.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Every line the application logs while a test acts, as the console would get it: a Logback
 * appender on the root logger, so a line from any logger counts (the engine's, the REST layer's,
 * ours). A stack trace counts as one line per frame, as in the log file.
 */
public final class CapturedLog implements AutoCloseable {

  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private CapturedLog() {
    appender.setContext(root.getLoggerContext());
    appender.start();
    root.addAppender(appender);
  }

  public static CapturedLog start() {
    return new CapturedLog();
  }

  /** The events logged so far, oldest first. */
  public List<ILoggingEvent> events() {
    synchronized (appender.list) {
      return List.copyOf(appender.list);
    }
  }

  /** The events whose message or stack trace mentions {@code text}. */
  public List<ILoggingEvent> mentioning(String text) {
    return events().stream()
        .filter(
            event ->
                event.getFormattedMessage().contains(text)
                    || traceMentions(event.getThrowableProxy(), text))
        .toList();
  }

  /** The lines the log got: each event's own, and one per stack frame or "Caused by". */
  public long lines() {
    return events().stream().mapToLong(event -> 1 + traceLines(event.getThrowableProxy())).sum();
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
  }

  private static boolean traceMentions(IThrowableProxy trace, String text) {
    for (IThrowableProxy cause = trace; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && cause.getMessage().contains(text)) {
        return true;
      }
    }
    return false;
  }

  private static long traceLines(IThrowableProxy trace) {
    long lines = 0;
    for (IThrowableProxy cause = trace; cause != null; cause = cause.getCause()) {
      lines += 1 + cause.getStackTraceElementProxyArray().length;
    }
    return lines;
  }
}
