package io.modelarts.sql.sync;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The sync contract against a real PostgreSQL server: skipped when none is reachable locally. */
class PostgresSyncTest extends SyncTargetContract {
  private static PostgresTarget target;

  @BeforeAll
  static void createDatabase() {
    target = PostgresTarget.create();
  }

  @AfterAll
  static void dropDatabase() {
    if (target != null) {
      target.close();
    }
  }

  @Override
  TestTarget target() {
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
