package io.modelarts.sql.calcite.metadata;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.janino.RelMetadataHandlerGeneratorUtil;

/**
 * Build step that writes the Java source of every built-in metadata handler, as Calcite's own
 * generator writes it for Janino at run time, for javac to compile into the driver.
 *
 * <p>Run by the build ({@code exec:java} in the compile phase, see pom.xml) with the output folder
 * as its only argument. Calcite's source is written for Janino, which is lax where javac is not, so
 * two things are rewritten: binary names of nested classes ({@code Outer$Inner}) become canonical
 * names, and a handler class javac may not name (a private nested class) is declared as its nearest
 * public superclass, which declares the methods the dispatch calls ({@code getDef()}, which only
 * the handler interface declares, is then called through it). {@code
 * PrecompiledMetadataHandlersTest} checks that every kind of metadata comes out the same as from
 * Janino's handlers.
 */
public final class MetadataHandlerSources {
  /** The package of the generated handlers, where {@link PrecompiledMetadataHandlers} looks. */
  static final String PACKAGE = "io.modelarts.sql.calcite.metadata.generated";

  private static final Pattern BINARY_NAME = Pattern.compile("[A-Za-z_][\\w.]*\\$[\\w$]+");

  /**
   * {@code getDef()} is called through the interface, which a handler's public superclass lacks.
   */
  private static final Pattern GET_DEF = Pattern.compile("return (provider\\d+)\\.getDef\\(\\);");

  private MetadataHandlerSources() {}

  /** Writes one source file per built-in handler interface into {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: MetadataHandlerSources <output folder>");
    }
    Path folder = Path.of(args[0]).resolve(PACKAGE.replace('.', '/'));
    Files.createDirectories(folder);
    for (Class<? extends MetadataHandler<?>> handlerClass : handlerInterfaces()) {
      RelMetadataHandlerGeneratorUtil.HandlerNameAndGeneratedCode generated =
          RelMetadataHandlerGeneratorUtil.generateHandler(
              handlerClass, PrecompiledMetadataHandlers.handlersOf(handlerClass));
      String className = className(handlerClass);
      String calciteName = generated.getHandlerName();
      if (!simpleName(className).equals(simpleName(calciteName))) {
        throw new IllegalStateException(
            "Calcite named the handler " + calciteName + ", expected " + simpleName(className));
      }
      Files.writeString(
          folder.resolve(simpleName(className) + ".java"),
          forJavac(generated.getGeneratedCode(), handlerClass),
          StandardCharsets.UTF_8);
    }
  }

  /** Every {@code BuiltInMetadata.*.Handler}: the handlers a {@code RelMetadataQuery} asks for. */
  @SuppressWarnings("unchecked")
  static List<Class<? extends MetadataHandler<?>>> handlerInterfaces() {
    List<Class<? extends MetadataHandler<?>>> handlers = new ArrayList<>();
    for (Class<?> metadata : BuiltInMetadata.class.getDeclaredClasses()) {
      for (Class<?> nested : metadata.getDeclaredClasses()) {
        if (nested.getSimpleName().equals("Handler")
            && MetadataHandler.class.isAssignableFrom(nested)) {
          handlers.add((Class<? extends MetadataHandler<?>>) nested);
        }
      }
    }
    handlers.sort((a, b) -> a.getName().compareTo(b.getName()));
    return handlers;
  }

  /**
   * The class generated for one kind of metadata: Calcite's name for it ({@code
   * GeneratedMetadata_RowCountHandler}), in {@link #PACKAGE}. The generator checks that Calcite
   * still names it so.
   */
  static String className(Class<? extends MetadataHandler<?>> handlerClass) {
    String simpleName = handlerClass.getSimpleName();
    if (simpleName.equals("Handler")) { // BuiltInMetadata.RowCount.Handler: RowCountHandler
      simpleName = handlerClass.getEnclosingClass().getSimpleName() + simpleName;
    }
    return PACKAGE + ".GeneratedMetadata_" + simpleName;
  }

  private static String simpleName(String qualifiedName) {
    return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
  }

  private static String forJavac(String source, Class<?> handlerClass) {
    String body = source.substring(source.indexOf("package "));
    body = body.substring(body.indexOf(';') + 1);
    Matcher names = BINARY_NAME.matcher(body);
    StringBuilder out = new StringBuilder();
    while (names.find()) {
      names.appendReplacement(out, Matcher.quoteReplacement(nameableType(names.group())));
    }
    names.appendTail(out);
    String javacBody =
        GET_DEF
            .matcher(out)
            .replaceAll("return ((" + MetadataHandler.class.getName() + "<?>) $1).getDef();");
    return "// Generated at build time by "
        + MetadataHandlerSources.class.getName()
        + " from Calcite's metadata handler generator. Do not edit.\n"
        + "package "
        + PACKAGE
        + ";\n\n/** Calcite's generated dispatch for {@code "
        + handlerClass.getCanonicalName()
        + "}, compiled by javac. */\n"
        + javacBody.stripLeading();
  }

  /** A name javac accepts for {@code binaryName}: canonical, or a public superclass's. */
  private static String nameableType(String binaryName) {
    Class<?> type;
    try {
      type = Class.forName(binaryName, false, MetadataHandlerSources.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return binaryName; // not a class name (text inside a string literal, say): leave it
    }
    while (!nameable(type)) {
      type = type.getSuperclass();
    }
    return type.getCanonicalName();
  }

  private static boolean nameable(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (!Modifier.isPublic(c.getModifiers())) {
        return false;
      }
    }
    return true;
  }
}
