package io.modelarts.sql.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.event.EventRecordingLogger;
import org.slf4j.event.SubstituteLoggingEvent;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.SubstituteLogger;

/**
 * A logger with every level enabled that keeps the formatted lines, to check what would be logged.
 */
final class RecordingLogger {
  private final ConcurrentLinkedQueue<SubstituteLoggingEvent> events =
      new ConcurrentLinkedQueue<>();
  private final Logger logger =
      new EventRecordingLogger(new SubstituteLogger("test", events, false), events);

  Logger logger() {
    return logger;
  }

  /** Each event as a log line would show it: level, formatted message and any throwable. */
  List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (SubstituteLoggingEvent e : events) {
      String line =
          e.getLevel()
              + " "
              + MessageFormatter.arrayFormat(e.getMessage(), e.getArgumentArray()).getMessage();
      if (e.getThrowable() != null) {
        line += " " + e.getThrowable();
      }
      lines.add(line);
    }
    return lines;
  }
}
