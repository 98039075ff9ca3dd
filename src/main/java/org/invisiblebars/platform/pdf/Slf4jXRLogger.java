package org.invisiblebars.platform.pdf;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends openhtmltopdf's messages to SLF4J under their own logger names ({@code
 * com.openhtmltopdf.load}, …), so that they reach the application's log with its format and levels.
 * Its default logger writes about ten lines per document straight to standard error, and the
 * project's own SLF4J module is not published for 1.1.31, hence these few lines.
 */
final class Slf4jXRLogger implements XRLogger {

  @Override
  public void log(String where, Level level, String message) {
    log(where, level, message, null);
  }

  @Override
  public void log(String where, Level level, String message, Throwable error) {
    Logger logger = LoggerFactory.getLogger(where);
    if (level.intValue() >= Level.SEVERE.intValue()) {
      logger.error(message, error);
    } else if (level.intValue() >= Level.WARNING.intValue()) {
      logger.warn(message, error);
    } else if (level.intValue() >= Level.INFO.intValue()) {
      logger.debug(message, error); // the renderer's progress and timings, not news for an operator
    } else {
      logger.trace(message, error);
    }
  }

  @Override
  public void setLevel(String logger, Level level) {
    // levels are set in the logging configuration
  }

  @Override
  public boolean isLogLevelEnabled(Diagnostic diagnostic) {
    Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
    return diagnostic.getLevel().intValue() >= Level.WARNING.intValue()
        ? logger.isWarnEnabled()
        : logger.isDebugEnabled();
  }
}
