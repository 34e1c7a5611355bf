package io.modelarts.simulator;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * The notebooks a simulator currently serves, changeable while requests run.
 *
 * <p>Readers take an immutable {@link Snapshot}; a change publishes a new one, so a request always
 * sees one consistent data set and never waits for a writer.
 */
final class NotebookStore {
  /**
   * One published state of the data.
   *
   * @param version increases with every change, so derived results can be cached per version
   */
  record Snapshot(long version, List<StoredNotebook> notebooks) {}

  private final NotebookGenerator generator;
  private volatile Snapshot snapshot;
  private int nextIndex;
  private int addedCount;

  NotebookStore(NotebookGenerator generator, int initialCount) {
    this.generator = requireNonNull(generator, "generator == null");
    this.snapshot = new Snapshot(0, List.copyOf(generator.initialNotebooks(initialCount)));
    this.nextIndex = initialCount;
  }

  Snapshot snapshot() {
    return snapshot;
  }

  /** Creates {@code count} new notebooks, newer than all others, and returns their ids. */
  synchronized List<String> add(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    List<StoredNotebook> notebooks = new ArrayList<>(snapshot.notebooks());
    List<String> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      StoredNotebook notebook = generator.addedNotebook(nextIndex++, addedCount++);
      notebooks.add(notebook);
      ids.add(notebook.id());
    }
    publish(notebooks);
    return ids;
  }

  /** Deletes the notebook with this id; returns whether there was one. */
  synchronized boolean remove(String id) {
    List<StoredNotebook> notebooks = new ArrayList<>(snapshot.notebooks());
    boolean removed = notebooks.removeIf(notebook -> notebook.id().equals(id));
    if (removed) {
      publish(notebooks);
    }
    return removed;
  }

  private void publish(List<StoredNotebook> notebooks) {
    snapshot = new Snapshot(snapshot.version() + 1, List.copyOf(notebooks));
  }
}
