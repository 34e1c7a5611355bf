package io.modelarts.sql.calcite.metadata;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.JaninoRelMetadataProvider;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.MetadataHandlerProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * Serves Calcite's default metadata handlers from classes compiled when the driver was built,
 * falling back to Janino's run-time compilation for any handler not found among them.
 *
 * <p>Calcite's {@link JaninoRelMetadataProvider} generates and compiles one class per kind of
 * metadata the first time a JVM plans a query: eight or more Janino compilations, about 0.4 s of a
 * cold start. The build runs the same generator ({@link MetadataHandlerSources}) and javac compiles
 * its output, so the code, and the plans it yields, are the same, without the run-time compilation.
 * The fallback keeps the driver working from a build that skipped that step (an IDE's own compiler,
 * say).
 */
public final class PrecompiledMetadataHandlers implements MetadataHandlerProvider {
  /** One instance for the JVM: handlers keep no state, their caches live in each query. */
  public static final PrecompiledMetadataHandlers INSTANCE = new PrecompiledMetadataHandlers();

  private final ConcurrentMap<Class<?>, MetadataHandler<?>> handlers = new ConcurrentHashMap<>();

  private PrecompiledMetadataHandlers() {}

  /** A fresh metadata query over these handlers, for {@code RelOptCluster}'s supplier. */
  public static RelMetadataQuery newQuery() {
    return new RelMetadataQuery(INSTANCE);
  }

  @Override
  public <H extends MetadataHandler<?>> H handler(Class<H> handlerClass) {
    return handlerClass.cast(handlers.computeIfAbsent(handlerClass, this::load));
  }

  /**
   * Calcite asks again when a handler threw {@code NoHandler}. Generated dispatch ends in a
   * catch-all or a clear error and never throws it, so the answer stays the same handler.
   */
  @Override
  public <H extends MetadataHandler<?>> H revise(Class<H> handlerClass) {
    return handler(handlerClass);
  }

  /** True when {@code handlerClass} is served by a class compiled at build time. */
  boolean isPrecompiled(Class<? extends MetadataHandler<?>> handlerClass) {
    return handler(handlerClass).getClass().getName().startsWith(MetadataHandlerSources.PACKAGE);
  }

  /** The distinct default handler objects for one kind, in the order the generator takes them. */
  static List<MetadataHandler<?>> handlersOf(Class<? extends MetadataHandler<?>> handlerClass) {
    return DefaultRelMetadataProvider.INSTANCE.handlers(handlerClass).stream()
        .distinct()
        .collect(Collectors.toList());
  }

  @SuppressWarnings("unchecked")
  private MetadataHandler<?> load(Class<?> handlerClass) {
    Class<? extends MetadataHandler<?>> kind = (Class<? extends MetadataHandler<?>>) handlerClass;
    try {
      Class<?> generated =
          Class.forName(
              MetadataHandlerSources.className(kind),
              true,
              PrecompiledMetadataHandlers.class.getClassLoader());
      Constructor<?> constructor = generated.getConstructors()[0];
      return (MetadataHandler<?>) constructor.newInstance(handlersOf(kind).toArray());
    } catch (ClassNotFoundException
        | IllegalArgumentException
        | InstantiationException
        | IllegalAccessException
        | InvocationTargetException e) {
      return JaninoRelMetadataProvider.DEFAULT.revise(kind);
    }
  }
}
