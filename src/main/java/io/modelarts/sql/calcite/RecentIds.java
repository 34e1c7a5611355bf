package io.modelarts.sql.calcite;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids a listing returned most recently, to drop a row the service returns twice because rows
 * shifted across a page boundary while the listing was read (a notebook created meanwhile pushes
 * the last row of one page onto the next).
 *
 * <p>Bounded, so a scan's memory does not grow with the size of the listing: a shift of more than
 * {@link #WINDOW} rows while one listing is read would take that many notebooks created during it.
 */
final class RecentIds {
  /** Rows remembered per listing: forty pages of 50. */
  static final int WINDOW = 2_000;

  private final Map<String, Boolean> ids;

  RecentIds(int window) {
    this.ids =
        new LinkedHashMap<>(64, 0.75f, false) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > window;
          }
        };
  }

  /** True the first time {@code id} is seen within the window. */
  boolean firstTime(String id) {
    return ids.put(id, Boolean.TRUE) == null;
  }
}
