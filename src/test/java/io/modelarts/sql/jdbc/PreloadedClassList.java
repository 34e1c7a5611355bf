package io.modelarts.sql.jdbc;

import java.util.List;

/**
 * The class preloader's list and relocation prefix for tests outside its package, read by the
 * preloader's own code, so that a test checks the list exactly as the driver reads it.
 */
public final class PreloadedClassList {
  /** Where the drop-in jar relocates its libraries: {@link ClassPreloader#SHADED_PREFIX}. */
  public static final String SHADED_PREFIX = ClassPreloader.SHADED_PREFIX;

  private PreloadedClassList() {}

  /** The listed class names, in load order, as {@link ClassPreloader#readList()} reads them. */
  public static List<String> names() {
    return ClassPreloader.readList();
  }
}
