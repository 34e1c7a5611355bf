package io.modelarts.sql.bench;

import io.modelarts.sql.bench.ListNotebooksResponse.Endpoint;
import io.modelarts.sql.bench.ListNotebooksResponse.Image;
import io.modelarts.sql.bench.ListNotebooksResponse.Lease;
import io.modelarts.sql.bench.ListNotebooksResponse.NotebookDto;
import io.modelarts.sql.bench.ListNotebooksResponse.Pool;
import io.modelarts.sql.bench.ListNotebooksResponse.Volume;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Each workload as the hand-written client (b) answers it: the same listing calls the driver's plan
 * makes, one after another, and the rest done in plain Java.
 */
enum HandWrittenQuery {
  /** {@code SELECT * FROM notebooks}: both features, every page, every field read. */
  FULL_LISTING {
    @Override
    void run(HandWrittenClient client, String arg, RowTimer timer) throws IOException {
      for (String feature : FEATURES) {
        client.listAll(Map.of("feature", feature), n -> timer.row(hash(n)));
      }
    }
  },
  /** {@code SELECT id FROM notebooks}. */
  IDS {
    @Override
    void run(HandWrittenClient client, String arg, RowTimer timer) throws IOException {
      for (String feature : FEATURES) {
        client.listAll(Map.of("feature", feature), n -> timer.row(n.id().hashCode()));
      }
    }
  },
  /**
   * {@code WHERE status='RUNNING' ORDER BY lease_create_at DESC LIMIT 10}: every running notebook
   * of both features, sorted here, since nothing documents the service's order (the driver does not
   * trust it either).
   */
  RUNNING_NEWEST_10 {
    @Override
    void run(HandWrittenClient client, String arg, RowTimer timer) throws IOException {
      List<NotebookDto> running = new ArrayList<>();
      for (String feature : FEATURES) {
        client.listAll(Map.of("feature", feature, "status", "RUNNING"), running::add);
      }
      running.sort(
          Comparator.comparing(
              (NotebookDto n) -> n.lease() == null ? null : n.lease().createAt(),
              Comparator.nullsFirst(Comparator.<Long>reverseOrder())));
      running.stream().limit(10).forEach(n -> timer.row(hash(n)));
    }
  },
  /**
   * {@code ... ORDER BY lease_create_at DESC NULLS LAST LIMIT 10}, trusting the service's order of
   * a numeric key: the first 10 by {@code create_at} of each feature, merged here.
   */
  RUNNING_NEWEST_10_BY_SERVICE {
    @Override
    void run(HandWrittenClient client, String arg, RowTimer timer) throws IOException {
      List<NotebookDto> heads = new ArrayList<>();
      for (String feature : FEATURES) {
        heads.addAll(
            client
                .page(
                    Map.of(
                        "feature",
                        feature,
                        "status",
                        "RUNNING",
                        "sort_key",
                        "create_at",
                        "sort_dir",
                        "DESC"),
                    10,
                    0)
                .data());
      }
      heads.sort(
          Comparator.comparing(
              (NotebookDto n) -> n.lease() == null ? null : n.lease().createAt(),
              Comparator.nullsLast(Comparator.<Long>reverseOrder())));
      heads.stream().limit(10).forEach(n -> timer.row(hash(n)));
    }
  },
  /** {@code WHERE feature='NOTEBOOK' AND status='RUNNING' LIMIT 10}: one call of 10. */
  NOTEBOOK_RUNNING_10 {
    @Override
    void run(HandWrittenClient client, String arg, RowTimer timer) throws IOException {
      client.page(Map.of("feature", "NOTEBOOK", "status", "RUNNING"), 10, 0).data().stream()
          .limit(10)
          .forEach(n -> timer.row(hash(n)));
    }
  },
  /** {@code WHERE name = ?}: the fuzzy name filter per feature, then the exact check here. */
  NAME_LOOKUP {
    @Override
    void run(HandWrittenClient client, String arg, RowTimer timer) throws IOException {
      for (String feature : FEATURES) {
        client.listAll(
            Map.of("feature", feature, "name", arg),
            n -> {
              if (arg.equals(n.name())) {
                timer.row(hash(n));
              }
            });
      }
    }
  },
  /** {@code WHERE feature='NOTEBOOK' AND name = ?}: one call. */
  NOTEBOOK_NAME_LOOKUP {
    @Override
    void run(HandWrittenClient client, String arg, RowTimer timer) throws IOException {
      client.listAll(
          Map.of("feature", "NOTEBOOK", "name", arg),
          n -> {
            if (arg.equals(n.name())) {
              timer.row(hash(n));
            }
          });
    }
  },
  /** {@code SELECT COUNT(*)}: the {@code total} of the smallest page of each feature. */
  COUNT {
    @Override
    void run(HandWrittenClient client, String arg, RowTimer timer) throws IOException {
      long count = 0;
      for (String feature : FEATURES) {
        count += client.page(Map.of("feature", feature), 10, 0).total();
      }
      timer.row(Long.hashCode(count));
    }
  },
  /** {@code notebooks JOIN endpoints}: one full listing, one row per endpoint. */
  ENDPOINTS_JOIN {
    @Override
    void run(HandWrittenClient client, String arg, RowTimer timer) throws IOException {
      for (String feature : FEATURES) {
        client.listAll(
            Map.of("feature", feature),
            n -> {
              if (n.endpoints() != null) {
                for (Endpoint e : n.endpoints()) {
                  timer.row(Objects.hash(n.name(), e.devService()));
                }
              }
            });
      }
    }
  },
  /** {@code notebooks JOIN endpoints WHERE status='RUNNING'}: the running notebooks' endpoints. */
  RUNNING_ENDPOINTS_JOIN {
    @Override
    void run(HandWrittenClient client, String arg, RowTimer timer) throws IOException {
      for (String feature : FEATURES) {
        client.listAll(
            Map.of("feature", feature, "status", "RUNNING"),
            n -> {
              if (n.endpoints() != null) {
                for (Endpoint e : n.endpoints()) {
                  timer.row(Objects.hash(n.name(), e.devService()));
                }
              }
            });
      }
    }
  };

  /** A listing without {@code feature} never returns the free CodeLab instances: ask for both. */
  static final List<String> FEATURES = List.of("NOTEBOOK", "DEFAULT");

  /** Runs the query, reporting each result row to {@code timer}. */
  abstract void run(HandWrittenClient client, String arg, RowTimer timer) throws IOException;

  /** Reads every field the SQL table exposes, as a result-set loop reads every column. */
  static int hash(NotebookDto n) {
    Pool pool = n.pool();
    Image image = n.image();
    Lease lease = n.lease();
    Volume volume = n.volume();
    return Objects.hash(
        n.id(),
        n.name(),
        n.description(),
        n.status(),
        n.feature(),
        n.flavor(),
        n.failReason(),
        n.url(),
        n.workspaceId(),
        n.owner(),
        pool == null ? null : pool.id(),
        pool == null ? null : pool.name(),
        image == null ? null : image.id(),
        image == null ? null : image.name(),
        image == null ? null : image.swrPath(),
        image == null ? null : image.type(),
        lease == null ? null : lease.createAt(),
        lease == null ? null : lease.updateAt(),
        lease == null ? null : lease.duration(),
        lease == null ? null : lease.enable(),
        lease == null ? null : lease.type(),
        volume == null ? null : volume.capacity(),
        volume == null ? null : volume.category(),
        volume == null ? null : volume.mountPath(),
        volume == null ? null : volume.ownership(),
        volume == null ? null : volume.status());
  }
}
