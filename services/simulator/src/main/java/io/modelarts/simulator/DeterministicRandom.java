package io.modelarts.simulator;

import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A seeded random stream with the few helpers the data generator needs.
 *
 * <p>Streams are addressed by (seed, purpose, index), so notebook 42's name never depends on how
 * many random numbers notebook 41 happened to draw: the data of one seed is stable however it is
 * generated.
 */
final class DeterministicRandom {
  private static final HexFormat HEX = HexFormat.of();

  private final SplittableRandom random;

  private DeterministicRandom(long state) {
    this.random = new SplittableRandom(state);
  }

  /**
   * The stream for one purpose (e.g. {@code "name"}) of one item (e.g. notebook 42) under one seed.
   */
  static DeterministicRandom of(long seed, String purpose, long index) {
    long state = mix(seed);
    for (int i = 0; i < purpose.length(); i++) {
      state = mix(state ^ purpose.charAt(i));
    }
    return new DeterministicRandom(mix(state ^ mix(index + 0x632BE59BD9B4E019L)));
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  /** A uniform int in {@code [min, max]}. */
  int between(int min, int max) {
    return random.nextInt(min, max + 1);
  }

  long nextLong(long bound) {
    return random.nextLong(bound);
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  /** Picks {@code choices[i]} with probability {@code weights[i] / sum(weights)}. */
  <T> T pickWeighted(List<T> choices, int[] weights) {
    int total = 0;
    for (int weight : weights) {
      total += weight;
    }
    int roll = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      roll -= weights[i];
      if (roll < 0) {
        return choices.get(i);
      }
    }
    throw new IllegalStateException("weights do not cover the roll");
  }

  /** {@code digits} lowercase hex digits, e.g. for a 32-character project or user id. */
  String hex(int digits) {
    byte[] bytes = new byte[(digits + 1) / 2];
    random.nextBytes(bytes);
    return HEX.formatHex(bytes).substring(0, digits);
  }

  /** A version-4 UUID in the usual lowercase 8-4-4-4-12 form. */
  String uuid() {
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  /** The SplitMix64 finaliser: spreads every input bit over the whole output. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
