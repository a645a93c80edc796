package org.socius.networks.internal.mastodon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects what the app logs (Socius' own loggers down to DEBUG) while it is open. */
final class LogCapture implements AutoCloseable {

  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Logger socius = (Logger) LoggerFactory.getLogger("org.socius");
  private final Level before;

  LogCapture() {
    before = socius.getLevel();
    socius.setLevel(Level.DEBUG);
    appender.start();
    root.addAppender(appender);
  }

  /** Every message with its arguments filled in, and the stack trace of any exception. */
  List<String> lines() {
    return List.copyOf(appender.list).stream()
        .map(e -> e.getLoggerName() + " " + e.getFormattedMessage()
            + (e.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy())))
        .toList();
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
    socius.setLevel(before);
  }
}
