package io.modelarts.sql.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelarts.sql.jdbc.JulLoggingProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * The drop-in jar's SLF4J provider formats like SLF4J and logs to java.util.logging at the mapped
 * level.
 */
class JulLoggingProviderTest {
  @Test
  void formatsAndMapsLevels() {
    JulLoggingProvider provider = new JulLoggingProvider();
    provider.initialize();
    String name = "io.modelarts.sql.tools.JulLoggingProviderTest.sample";
    java.util.logging.Logger jul = java.util.logging.Logger.getLogger(name);
    List<LogRecord> records = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            records.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    jul.addHandler(capture);
    jul.setUseParentHandlers(false);
    jul.setLevel(Level.INFO);
    try {
      Logger log = provider.getLoggerFactory().getLogger(name);
      assertSame(log, provider.getLoggerFactory().getLogger(name));
      assertFalse(log.isDebugEnabled());
      log.debug("not {}", "shown");
      IllegalStateException failure = new IllegalStateException("boom");
      log.warn("{} calls, status {}", 3, 429, failure);
      log.info("plain");
      assertEquals(2, records.size());
      assertEquals(Level.WARNING, records.get(0).getLevel());
      assertEquals("3 calls, status 429", records.get(0).getMessage());
      assertSame(failure, records.get(0).getThrown());
      assertEquals(name, records.get(0).getSourceClassName());
      assertEquals(Level.INFO, records.get(1).getLevel());
      assertTrue(provider.getRequestedApiVersion().startsWith("2."));
    } finally {
      jul.removeHandler(capture);
    }
  }
}
