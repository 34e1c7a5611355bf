package io.modelarts.sql.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * How busy the machine was while a section ran, and how much of that was not the benchmark: on a
 * shared 2-core box that is the noise every figure carries. Linux only (reads {@code /proc});
 * elsewhere it reports nothing.
 */
final class CpuMeter {
  private CpuMeter() {}

  /** Counters at one moment. */
  record Reading(long machineBusyTicks, long ownTicks, double loadAverage, long nanos) {}

  /** Reads the counters; {@code childPids} are live client JVMs whose time counts as ours. */
  static Reading read(Collection<Long> childPids) {
    long own = processTicks("self", true);
    for (long pid : childPids) {
      own += processTicks(Long.toString(pid), false);
    }
    return new Reading(machineBusyTicks(), own, loadAverage(), System.nanoTime());
  }

  /** E.g. "load 0.9 → 1.7; other processes used 14% of the 2 cores, the benchmark 83%". */
  static String describe(Reading from, Reading to) {
    if (from.machineBusyTicks() < 0 || to.machineBusyTicks() < 0) {
      return "load not measured (no /proc)";
    }
    int cores = Runtime.getRuntime().availableProcessors();
    double ticksAvailable = (to.nanos() - from.nanos()) / 1e9 * 100 * cores; // USER_HZ = 100
    double busy = to.machineBusyTicks() - from.machineBusyTicks();
    double ours = Math.min(busy, to.ownTicks() - from.ownTicks());
    return String.format(
        "1-min load %.1f → %.1f; other processes used %.0f%% of the %d cores, the benchmark %.0f%%",
        from.loadAverage(),
        to.loadAverage(),
        100 * (busy - ours) / ticksAvailable,
        cores,
        100 * ours / ticksAvailable);
  }

  /** The 1-minute load average, or NaN. */
  static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private static long machineBusyTicks() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length && i <= 8; i++) { // user..steal; guest is already in user
        total += Long.parseLong(f[i]);
      }
      return total - Long.parseLong(f[4]) - Long.parseLong(f[5]); // minus idle and iowait
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** utime + stime (+ those of waited-for children when {@code withChildren}), in ticks. */
  private static long processTicks(String pid, boolean withChildren) {
    try {
      String stat = Files.readString(Path.of("/proc", pid, "stat"));
      // Fields after the command name, which is in parentheses and may hold spaces; field 3 first.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(f[14 - 3]) + Long.parseLong(f[15 - 3]);
      if (withChildren) {
        ticks += Long.parseLong(f[16 - 3]) + Long.parseLong(f[17 - 3]);
      }
      return ticks;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
