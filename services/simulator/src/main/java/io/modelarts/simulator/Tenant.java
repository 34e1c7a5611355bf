package io.modelarts.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The seeded surroundings every generated notebook draws from: project, owners, dedicated pools,
 * workspaces, images and the reference time that stands in for "now", so that data never depends on
 * the wall clock.
 *
 * @param projectId 32 lowercase hex
 * @param projectName the IAM project name (a region name, as on the real cloud)
 * @param domainId 32 lowercase hex id of the IAM account
 * @param ownerIds four 32-hex user ids; the first is the IAM user of the demo credentials
 * @param ownerNames user names of {@link #ownerIds}, index by index
 * @param pools the three dedicated resource pools
 * @param workspaceIds {@code "0"} and two 32-hex workspace ids
 * @param images the shared images, each with every documented field
 * @param referenceTimeMillis the generator's "now", in UTC epoch milliseconds
 */
record Tenant(
    String projectId,
    String projectName,
    String domainId,
    List<String> ownerIds,
    List<String> ownerNames,
    List<Pool> pools,
    List<String> workspaceIds,
    List<ObjectNode> images,
    long referenceTimeMillis) {

  /** A dedicated resource pool, as the notebook's {@code pool} object shows it. */
  record Pool(String id, String name) {}

  /** The earliest reference time; each seed moves it forward by up to a year. */
  private static final Instant EPOCH_OF_REFERENCE = Instant.parse("2024-01-01T00:00:00Z");

  static Tenant fromSeed(long seed) {
    return fromSeed(seed, null);
  }

  /**
   * The tenant of {@code seed}; {@code referenceTime} (e.g. the wall clock, for a demo whose leases
   * end within the next hours) replaces the seed's own reference time when not null.
   */
  static Tenant fromSeed(long seed, Instant referenceTimeOrNull) {
    DeterministicRandom random = DeterministicRandom.of(seed, "tenant", 0);
    long seededTime =
        EPOCH_OF_REFERENCE.toEpochMilli()
            + random.nextLong(Duration.ofDays(365).toSeconds()) * 1000L;
    long referenceTime =
        referenceTimeOrNull == null ? seededTime : referenceTimeOrNull.toEpochMilli();
    String projectId = random.hex(32);
    String domainId = random.hex(32);
    List<String> owners = IntStream.range(0, 4).mapToObj(i -> random.hex(32)).toList();
    List<Pool> pools =
        List.of(
            new Pool("pool-" + random.hex(8), "pool-gpu-v100"),
            new Pool("pool-" + random.hex(8), "pool-cpu-general"),
            new Pool("pool-" + random.hex(8), "pool-ascend-910"));
    List<String> workspaces = List.of("0", random.hex(32), random.hex(32));
    List<ObjectNode> images = ImageCatalog.generate(seed, referenceTime, workspaces);
    return new Tenant(
        projectId,
        "eu-de",
        domainId,
        owners,
        List.of("alice", "bob", "chen.wei", "jürgen"),
        pools,
        workspaces,
        images,
        referenceTime);
  }
}
