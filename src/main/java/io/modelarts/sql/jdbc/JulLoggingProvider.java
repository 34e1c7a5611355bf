package io.modelarts.sql.jdbc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Sends the driver's SLF4J logging to {@code java.util.logging}, in the drop-in jar only.
 *
 * <p>There SLF4J is relocated (so that it never meets the host's SLF4J), which also cuts it off
 * from the host's logging backend: without a provider of its own it would print a warning on every
 * start and drop every line. java.util.logging is in every JVM, and Spring Boot, Metabase and
 * others route it to their backend. The drop-in jar registers this class as its (relocated) SLF4J
 * provider; the plain jar does not, and there the host's provider is used.
 */
public final class JulLoggingProvider implements SLF4JServiceProvider {
  private final Map<String, Logger> loggers = new ConcurrentHashMap<>();
  private final ILoggerFactory loggerFactory =
      name -> loggers.computeIfAbsent(name, JulLogger::new);
  private final IMarkerFactory markerFactory = new BasicMarkerFactory();
  private final MDCAdapter mdcAdapter = new NOPMDCAdapter();

  @Override
  public ILoggerFactory getLoggerFactory() {
    return loggerFactory;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markerFactory;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdcAdapter;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {}

  /** One SLF4J logger over the java.util.logging logger of the same name. */
  private static final class JulLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;
    private final transient java.util.logging.Logger jul;

    JulLogger(String name) {
      this.name = name;
      this.jul = java.util.logging.Logger.getLogger(name);
    }

    @Override
    public boolean isTraceEnabled() {
      return jul.isLoggable(Level.FINEST);
    }

    @Override
    public boolean isDebugEnabled() {
      return jul.isLoggable(Level.FINE);
    }

    @Override
    public boolean isInfoEnabled() {
      return jul.isLoggable(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
      return jul.isLoggable(Level.WARNING);
    }

    @Override
    public boolean isErrorEnabled() {
      return jul.isLoggable(Level.SEVERE);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        org.slf4j.event.Level level,
        Marker marker,
        String pattern,
        Object[] arguments,
        Throwable throwable) {
      LogRecord record =
          new LogRecord(julLevel(level), MessageFormatter.basicArrayFormat(pattern, arguments));
      record.setLoggerName(name);
      record.setSourceClassName(name); // the logging class, not this bridge, as the source
      record.setThrown(throwable);
      jul.log(record);
    }

    private static Level julLevel(org.slf4j.event.Level level) {
      return switch (level) {
        case TRACE -> Level.FINEST;
        case DEBUG -> Level.FINE;
        case INFO -> Level.INFO;
        case WARN -> Level.WARNING;
        case ERROR -> Level.SEVERE;
      };
    }
  }
}
