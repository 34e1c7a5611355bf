package io.modelarts.sql.bench;

import static io.modelarts.sql.bench.MarkdownTable.ms;
import static io.modelarts.sql.bench.MarkdownTable.times;

import io.modelarts.simulator.ModelArtsSimulator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The full listing of 2,000 notebooks at page concurrency 1, 2, 4, 8 and 16, and at the default
 * concurrency with the default rate limit, against the hand-written client in the same rounds: the
 * evidence for the defaults.
 */
final class ConcurrencySection {
  static final int SIZE = 2_000;
  static final String SQL = "SELECT * FROM notebooks";

  private ConcurrencySection() {}

  /** One driver setting and its timings. */
  record Setting(
      int concurrency, String rateLimit, Samples wall, Samples firstRow, Set<Long> calls) {
    Setting plus(ClientsUnderTest.Run run) {
      Set<Long> moreCalls = new TreeSet<>(calls);
      moreCalls.add(run.calls());
      return new Setting(
          concurrency,
          rateLimit,
          wall.plus(run.measurement().wallMillis()),
          firstRow.plus(run.measurement().firstRowMillis()),
          moreCalls);
    }

    Map<String, String> properties() {
      return Map.of("pageConcurrency", Integer.toString(concurrency), "rateLimit", rateLimit);
    }
  }

  /** The settings, and (b) measured in the same rounds. */
  record Result(
      List<Setting> settings,
      Samples handWritten,
      long handCalls,
      long latencyMillis,
      String rateDefault) {}

  static Result run(ClientsUnderTest clients, SimulatorSet sims, Progress progress, boolean quick)
      throws IOException {
    ModelArtsSimulator sim = sims.of(SIZE);
    List<Setting> settings = new ArrayList<>();
    for (int k : List.of(1, 2, 4, 8, 16)) {
      settings.add(new Setting(k, "0", Samples.empty(), Samples.empty(), Set.of()));
    }
    // The driver's default rate limit, and the first default (20/s) for comparison.
    String rateDefault = DriverDefaults.of("rateLimit").orElse("20");
    settings.add(new Setting(4, rateDefault, Samples.empty(), Samples.empty(), Set.of()));
    if (Double.parseDouble(rateDefault) != 20) {
      settings.add(new Setting(4, "20", Samples.empty(), Samples.empty(), Set.of()));
    }
    int rounds = quick ? 2 : 7;
    progress.say(
        "page concurrency at %,d notebooks: 1 warm-up + %d rounds of %d settings and (b)",
        SIZE, rounds, settings.size());
    Samples hand = Samples.empty();
    long handCalls = 0;
    for (int round = -1; round < rounds; round++) {
      for (int i = 0; i < settings.size(); i++) {
        int index = Math.floorMod(i + round, settings.size()); // rotate who runs first
        Setting s = settings.get(index);
        ClientsUnderTest.Run run = clients.driver(sim, s.properties(), SQL, false);
        if (round >= 0) {
          settings.set(index, s.plus(run));
        }
      }
      ClientsUnderTest.Run b = clients.handWritten(sim, HandWrittenQuery.FULL_LISTING, "", false);
      if (round >= 0) {
        hand = hand.plus(b.measurement().wallMillis());
        handCalls = b.calls();
      }
    }
    return new Result(settings, hand, handCalls, sims.latencyMillis(), rateDefault);
  }

  /** The driver's burst at {@code rate}: its declared default, else one second's worth. */
  private static long rateLimitBurst(double rate) {
    return DriverDefaults.of("rateLimitBurst")
        .map(Long::parseLong)
        .orElse((long) Math.max(1, Math.ceil(rate)));
  }

  static String table(Result r) {
    MarkdownTable t =
        new MarkdownTable(
            "pageConcurrency",
            "rateLimit (calls/s)",
            "calls",
            "median ms",
            "p90 ms",
            "first row ms",
            "(c) at this concurrency",
            "(a) ÷ (c)",
            "(b) ÷ (a)");
    for (Setting s : r.settings()) {
      long calls = WorkloadResult.minCalls(s.calls());
      double bound = LowerBound.millis(calls, r.latencyMillis(), s.concurrency());
      double rate = Double.parseDouble(s.rateLimit());
      if (rate > 0) {
        // a rested token bucket starts `burst` calls at once and the rest evenly spaced, and the
        // last call still takes its latency
        long burst = rateLimitBurst(rate);
        if (calls > burst) {
          bound = Math.max(bound, (calls - burst) * 1000.0 / rate + r.latencyMillis());
        }
      }
      String rateLabel =
          rate == 0
              ? "0 (off)"
              : s.rateLimit() + (s.rateLimit().equals(r.rateDefault()) ? " (default)" : "");
      t.row(
          s.concurrency(),
          rateLabel,
          calls,
          ms(s.wall().median()),
          ms(s.wall().p90()),
          ms(s.firstRow().median()),
          ms(bound),
          times(s.wall().median() / bound),
          times(r.handWritten().median() / s.wall().median()));
    }
    t.row(
        "(b) sequential",
        "–",
        r.handCalls(),
        ms(r.handWritten().median()),
        ms(r.handWritten().p90()),
        "–",
        ms(LowerBound.millis(r.handCalls(), r.latencyMillis(), 1)),
        times(r.handWritten().median() / LowerBound.millis(r.handCalls(), r.latencyMillis(), 1)),
        "1.00×");
    return t.render();
  }
}
