package io.casteroperator.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * Every log line of this JVM (the operator of the tests runs in it) while open, written as the
 * operator's JSON log format writes it: message, arguments, key-value pairs and stack traces, so a
 * search finds a value wherever a log line could carry it.
 */
public final class CapturedLogs implements AutoCloseable {

  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final JsonEncoder encoder = new JsonEncoder();

  public CapturedLogs() {
    LoggerContext context = root.getLoggerContext();
    encoder.setContext(context);
    encoder.start();
    appender.setContext(context);
    appender.start();
    root.addAppender(appender);
  }

  /** The captured lines, one JSON object each. */
  public String json() {
    List<ILoggingEvent> events;
    synchronized (appender) {
      events = List.copyOf(appender.list);
    }
    return events.stream().map(e -> new String(encoder.encode(e), StandardCharsets.UTF_8)).collect(Collectors.joining());
  }

  /** The captured lines' messages, as a person reads them (arguments filled in). */
  public List<String> messages() {
    synchronized (appender) {
      return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
  }

  public int lines() {
    synchronized (appender) {
      return appender.list.size();
    }
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
  }
}
