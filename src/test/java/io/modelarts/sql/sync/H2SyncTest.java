package io.modelarts.sql.sync;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The sync contract against the embedded target, an H2 file: always runs. */
class H2SyncTest extends SyncTargetContract {
  @TempDir static Path directory;

  @Override
  TestTarget target() {
    return new H2Target(directory);
  }

  @Override
  Map<String, String> expectedTypeNames() {
    return Map.of(
        "notebooks.name", "CHARACTER VARYING",
        "notebooks.lease_create_at", "TIMESTAMP WITH TIME ZONE",
        "notebooks.lease_duration", "BIGINT",
        "notebooks.volume_capacity", "INTEGER",
        "notebooks.lease_enable", "BOOLEAN",
        "endpoints.ssh_keys", "CHARACTER VARYING ARRAY",
        "notebooks_history.snapshot_at", "TIMESTAMP WITH TIME ZONE");
  }
}
