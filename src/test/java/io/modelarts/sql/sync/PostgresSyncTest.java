package io.modelarts.sql.sync;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/** The sync contract against a real PostgreSQL server: skipped when none is reachable locally. */
class PostgresSyncTest extends SyncTargetContract {
  private static PostgresTarget target;

  @AfterAll
  static void dropDatabase() {
    if (target != null) {
      target.close();
    }
  }

  /** Created by the first test that needs it, so that each test reports the skip and why. */
  @Override
  TestTarget target() {
    if (target == null) {
      target = PostgresTarget.create();
    }
    return target;
  }

  @Override
  Map<String, String> expectedTypeNames() {
    return Map.of(
        "notebooks.name", "text",
        "notebooks.lease_create_at", "timestamptz",
        "notebooks.lease_duration", "int8",
        "notebooks.volume_capacity", "int4",
        "notebooks.lease_enable", "bool",
        "endpoints.ssh_keys", "_text",
        "notebooks_history.snapshot_at", "timestamptz");
  }
}
