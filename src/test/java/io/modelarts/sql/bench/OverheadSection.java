package io.modelarts.sql.bench;

import static io.modelarts.sql.bench.MarkdownTable.ms;

import io.modelarts.simulator.ModelArtsSimulator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a query costs on top of its HTTP calls: a one-call point lookup timed as EXPLAIN only, as a
 * fresh statement (same text every time, and a new literal every time, which Calcite must plan
 * again), as a re-executed prepared statement, and as the hand-written client's raw call; first at
 * latency 0, where only overhead is left, then at 50 ms for the target. Plus the full listing at
 * latency 0, where the difference between the clients is per-row work.
 */
final class OverheadSection {
  static final int SIZE = 2_000;
  static final String POINT = "SELECT * FROM notebooks WHERE feature = 'NOTEBOOK' AND name = ";

  private OverheadSection() {}

  /** One way of running the point lookup, for the name of the round. */
  @FunctionalInterface
  interface Step {
    ClientsUnderTest.Run run(String name) throws IOException;
  }

  static final String RAW = "raw HTTP call (b)";
  static final String RAW_FIXED = "raw HTTP call (b), fixed name";
  static final String EXPLAIN =
      "EXPLAIN only (parse, validate, optimise; no code generation, no call)";
  static final String SAME = "statement, same SQL text every time";
  static final String LITERAL = "statement, new literal every time";
  static final String PREPARED = "prepared statement (literal in the text) re-executed";
  static final String PARAMETER = "prepared statement with `name = ?` re-executed, new value";

  /**
   * Timings and calls per step, and per-round differences of the pairs that share a name.
   *
   * @param statementOverRaw fresh statement, same text, minus the raw call of the same name
   * @param preparedOverRaw re-executed prepared statement minus the raw call of the same name
   */
  record PointTimings(
      Map<String, Samples> steps,
      Map<String, Set<Long>> calls,
      Samples statementOverRaw,
      Samples preparedOverRaw) {}

  /** Both point-lookup measurements and the full listing at latency 0. */
  record Result(
      PointTimings atZero,
      PointTimings atLatency,
      long latencyMillis,
      Samples fullDriver,
      Samples fullDriverSequential,
      Samples fullHand,
      long fullRows) {}

  static Result run(ClientsUnderTest clients, SimulatorSet sims, Progress progress, boolean quick)
      throws IOException {
    ModelArtsSimulator sim = sims.of(SIZE);
    int zeroRounds = quick ? 5 : 31;
    int latencyRounds = quick ? 5 : 21;
    int warmups = 5;
    List<String> names =
        SimulatorSet.uniqueNames(sim, "NOTEBOOK", 1 + 2 * warmups + zeroRounds + latencyRounds);
    String fixed = names.get(0);
    List<String> fresh = names.subList(1, names.size());
    Map<String, Step> all = new LinkedHashMap<>();
    all.put(RAW, n -> clients.handWritten(sim, HandWrittenQuery.NOTEBOOK_NAME_LOOKUP, n, false));
    all.put(
        RAW_FIXED,
        n -> clients.handWritten(sim, HandWrittenQuery.NOTEBOOK_NAME_LOOKUP, fixed, false));
    all.put(
        EXPLAIN, n -> clients.driver(sim, Map.of(), "EXPLAIN PLAN FOR " + POINT + quote(n), false));
    all.put(SAME, n -> clients.driver(sim, Map.of(), POINT + quote(fixed), false));
    all.put(LITERAL, n -> clients.driver(sim, Map.of(), POINT + quote(n), false));
    all.put(PREPARED, n -> clients.prepared(sim, POINT + quote(fixed), ""));
    all.put(PARAMETER, n -> clients.prepared(sim, POINT + "?", n));

    sim.faults().setLatencyMillis(0);
    PointTimings zero;
    Samples fullA = Samples.empty(), fullA1 = Samples.empty(), fullB = Samples.empty();
    long rows = 0;
    try {
      progress.say("overhead at latency 0: %d rounds of %d steps", zeroRounds, all.size());
      zero = measure(all, sim, clients, fresh.subList(0, warmups + zeroRounds), warmups);
      progress.say("full listing of %,d at latency 0, %d rounds", SIZE, zeroRounds / 2);
      for (int round = -2; round < zeroRounds / 2; round++) {
        ClientsUnderTest.Run a = clients.driver(sim, Map.of(), "SELECT * FROM notebooks", false);
        ClientsUnderTest.Run a1 =
            clients.driver(sim, Map.of("pageConcurrency", "1"), "SELECT * FROM notebooks", false);
        ClientsUnderTest.Run b = clients.handWritten(sim, HandWrittenQuery.FULL_LISTING, "", false);
        if (round >= 0) {
          fullA = fullA.plus(a.measurement().wallMillis());
          fullA1 = fullA1.plus(a1.measurement().wallMillis());
          fullB = fullB.plus(b.measurement().wallMillis());
          rows = a.measurement().rows();
        }
      }
    } finally {
      sim.faults().setLatencyMillis(sims.latencyMillis());
    }
    Map<String, Step> some = new LinkedHashMap<>(all);
    some.keySet().removeIf(k -> k.equals(EXPLAIN) || k.equals(LITERAL));
    progress.say(
        "overhead at latency %d ms: %d rounds of %d steps",
        sims.latencyMillis(), latencyRounds, some.size());
    PointTimings fifty =
        measure(some, sim, clients, fresh.subList(warmups + zeroRounds, fresh.size()), warmups);
    return new Result(zero, fifty, sims.latencyMillis(), fullA, fullA1, fullB, rows);
  }

  /**
   * Runs every step once per name, rotating the order each round; the first {@code warmups} names
   * only warm up. Each round first asks the simulator for its name once, untimed, so the
   * simulator's own first-filter cost falls on no step.
   */
  private static PointTimings measure(
      Map<String, Step> steps,
      ModelArtsSimulator sim,
      ClientsUnderTest clients,
      List<String> names,
      int warmups)
      throws IOException {
    List<String> keys = new ArrayList<>(steps.keySet());
    Map<String, Samples> samples = new LinkedHashMap<>();
    Map<String, Set<Long>> calls = new LinkedHashMap<>();
    keys.forEach(
        k -> {
          samples.put(k, Samples.empty());
          calls.put(k, new TreeSet<>());
        });
    Samples statementOverRaw = Samples.empty(), preparedOverRaw = Samples.empty();
    for (int round = 0; round < names.size(); round++) {
      String name = names.get(round);
      clients.handWritten(sim, HandWrittenQuery.NOTEBOOK_NAME_LOOKUP, name, false);
      Map<String, Double> millis = new LinkedHashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        String key = keys.get((i + round) % keys.size());
        ClientsUnderTest.Run run = steps.get(key).run(name);
        millis.put(key, run.measurement().wallMillis());
        calls.get(key).add(run.calls());
      }
      if (round < warmups) {
        continue;
      }
      millis.forEach((k, v) -> samples.put(k, samples.get(k).plus(v)));
      statementOverRaw = statementOverRaw.plus(millis.get(SAME) - millis.get(RAW_FIXED));
      preparedOverRaw = preparedOverRaw.plus(millis.get(PREPARED) - millis.get(RAW_FIXED));
    }
    return new PointTimings(samples, calls, statementOverRaw, preparedOverRaw);
  }

  private static String quote(String name) {
    return "'" + name.replace("'", "''") + "'";
  }

  static String tables(Result r) {
    StringBuilder sb = new StringBuilder();
    sb.append("At latency 0 (only the overhead is left):\n\n");
    sb.append(stepTable(r.atZero()));
    double explain = r.atZero().steps().get(EXPLAIN).median();
    double statement = r.atZero().steps().get(SAME).median();
    double literal = r.atZero().steps().get(LITERAL).median();
    double raw = r.atZero().steps().get(RAW).median();
    MarkdownTable derived = new MarkdownTable("cost", "ms (medians)", "how it is derived");
    derived.row("parse + validate + optimise", ms(explain), "EXPLAIN only");
    derived.row(
        "a new literal over a known text",
        ms(literal - statement),
        "new literal − same text (a known text takes its plan from the plan cache; a new literal is"
            + " planned again, and its plan, a scan and a calc, is interpreted, not compiled)");
    derived.row(
        "fresh statement over the raw call",
        ms(r.atZero().statementOverRaw().median()),
        "same text − raw call, paired per round");
    derived.row(
        "prepared statement over the raw call",
        ms(r.atZero().preparedOverRaw().median()),
        "prepared (literal in the text) − raw call, paired per round");
    derived.row("raw call itself (HTTP + Jackson)", ms(raw), "(b)");
    double perRow =
        (r.fullDriverSequential().median() - r.fullHand().median()) / r.fullRows() * 1000;
    derived.row(
        "per row, full listing, both sequential",
        String.format(Locale.ROOT, "%.1f µs", perRow),
        "(driver at pageConcurrency 1 − (b)) ÷ rows; driver "
            + ms(r.fullDriverSequential().median())
            + " ms, (b) "
            + ms(r.fullHand().median())
            + " ms, driver at 4 "
            + ms(r.fullDriver().median())
            + " ms for "
            + MarkdownTable.count(r.fullRows())
            + " rows");
    sb.append('\n').append(derived.render());
    sb.append("\nAt latency ")
        .append(r.latencyMillis())
        .append(" ms (the target: ≤ 5 ms above the raw call):\n\n");
    sb.append(stepTable(r.atLatency()));
    MarkdownTable target =
        new MarkdownTable("overhead over the same raw call", "median ms", "p90 ms");
    target.row(
        "fresh statement, same SQL text",
        ms(r.atLatency().statementOverRaw().median()),
        ms(r.atLatency().statementOverRaw().p90()));
    target.row(
        "prepared statement (literal in the text) re-executed",
        ms(r.atLatency().preparedOverRaw().median()),
        ms(r.atLatency().preparedOverRaw().p90()));
    sb.append('\n').append(target.render());
    return sb.toString();
  }

  private static String stepTable(PointTimings timings) {
    MarkdownTable t =
        new MarkdownTable(
            "point lookup (one call when pushed down)", "calls", "median ms", "p90 ms", "runs");
    timings
        .steps()
        .forEach(
            (k, s) ->
                t.row(
                    k,
                    timings.calls().get(k).stream()
                        .map(String::valueOf)
                        .collect(Collectors.joining("–")),
                    ms(s.median()),
                    ms(s.p90()),
                    s.values().size()));
    return t.render();
  }
}
