import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the abstract classes the driver's JDBC objects extend: for each wrapped interface, a class
 * whose every method hands the call to the wrapped Calcite object and turns a failure into the
 * SQLException the caller sees ({@code SqlErrors.translate}); the driver's classes override only
 * the methods they change.
 *
 * <p>Why generated classes and not dynamic proxies: a proxy's class is spun at run time, with a
 * {@code Method} object looked up for each of the interface's methods (~190 for a result set), and
 * every call goes through reflection, whose accessors are spun in turn; in a fresh JVM that cost
 * the first query tens of milliseconds. Why generated and not written by hand: ~500 methods of
 * delegation that javac checks against the JDK's interfaces on every build. Run by the build
 * (pom.xml, exec plugin, generate-sources) as a single-file program: {@code java JdbcDelegates.java
 * OUTPUT_DIRECTORY}.
 */
public final class JdbcDelegates {
  private static final String PACKAGE = "io.modelarts.sql.jdbc";

  /**
   * A class to write: its name, the interface it implements, and the class it extends (null for the
   * first of a chain, which declares the wrapped object's accessor and the wrapper methods). A
   * class that extends another implements only the methods its interface adds ({@code inherited}
   * has the rest) and passes {@code constructor}'s parameters on to its superclass.
   */
  private record Delegate(
      String name, Class<?> api, String superclass, Class<?> inherited, String constructor) {}

  private static final List<Delegate> DELEGATES =
      List.of(
          new Delegate("DelegatingConnection", Connection.class, null, null, null),
          new Delegate("DelegatingStatement", Statement.class, null, null, null),
          new Delegate(
              "DelegatingPreparedStatement",
              PreparedStatement.class,
              "ModelArtsStatement",
              Statement.class,
              "java.sql.PreparedStatement target, ModelArtsConnection connection"),
          new Delegate("DelegatingResultSet", ResultSet.class, null, null, null),
          new Delegate("DelegatingDatabaseMetaData", DatabaseMetaData.class, null, null, null));

  private JdbcDelegates() {}

  public static void main(String[] args) throws IOException {
    Path directory = Path.of(args[0]).resolve(PACKAGE.replace('.', '/'));
    Files.createDirectories(directory);
    for (Delegate d : DELEGATES) {
      Path file = directory.resolve(d.name() + ".java");
      String source = source(d);
      // Unchanged output keeps its timestamp, so the compiler does not see new sources every build.
      if (!Files.exists(file) || !Files.readString(file).equals(source)) {
        Files.writeString(file, source, StandardCharsets.UTF_8);
      }
    }
  }

  private static String source(Delegate d) {
    String api = d.api().getName();
    StringBuilder out = new StringBuilder();
    out.append("// Written by src/build/JdbcDelegates.java at build time; do not edit.\n")
        .append("package ")
        .append(PACKAGE)
        .append(";\n\n")
        .append(d.superclass() == null ? "/** Hands every {@link " : "/** Hands each call {@link ")
        .append(api)
        .append(d.superclass() == null ? "} call" : "} adds")
        .append(" to {@link #target()}, translating failures (see JdbcDelegates). */\n")
        .append("abstract class ")
        .append(d.name());
    if (d.superclass() != null) {
      out.append(" extends ").append(d.superclass());
    }
    out.append(" implements ").append(api).append(" {\n");
    String target;
    if (d.superclass() == null) {
      target = "target()";
      out.append("  /** The Calcite object the calls go to. */\n")
          .append("  abstract ")
          .append(api)
          .append(" target();\n\n");
      wrapperMethods(out);
    } else {
      target = "((" + api + ") target())";
      String arguments =
          Arrays.stream(d.constructor().split(","))
              .map(p -> p.strip().substring(p.strip().lastIndexOf(' ') + 1))
              .collect(Collectors.joining(", "));
      out.append("  ")
          .append(d.name())
          .append('(')
          .append(d.constructor())
          .append(") {\n    super(")
          .append(arguments)
          .append(");\n  }\n");
    }
    // The interface's name and an identity, as a proxy's handler gave: no state, no credential.
    out.append("\n  @Override\n  public String toString() {\n    return \"")
        .append(d.api().getSimpleName())
        .append("@\" + Integer.toHexString(System.identityHashCode(this));\n  }\n");
    for (Method m : methods(d)) {
      method(out, m, target);
    }
    return out.append("}\n").toString();
  }

  /** unwrap and isWrapperFor answer for the wrapper first, then ask the wrapped object. */
  private static void wrapperMethods(StringBuilder out) {
    out.append(
        """
          @Override
          public <T> T unwrap(java.lang.Class<T> type) throws java.sql.SQLException {
            if (type.isInstance(this)) {
              return type.cast(this);
            }
            try {
              return target().unwrap(type);
            } catch (Throwable e) {
              throw SqlErrors.translate(e);
            }
          }

          @Override
          public boolean isWrapperFor(java.lang.Class<?> type) throws java.sql.SQLException {
            if (type.isInstance(this)) {
              return true;
            }
            try {
              return target().isWrapperFor(type);
            } catch (Throwable e) {
              throw SqlErrors.translate(e);
            }
          }
        """);
  }

  /**
   * The interface's instance methods, one per signature (the most specific declaration), in a
   * stable order; for a class that extends another, only those the inherited interface lacks.
   */
  private static List<Method> methods(Delegate d) {
    Map<String, Method> bySignature = new LinkedHashMap<>();
    for (Method m : d.api().getMethods()) {
      if (Modifier.isStatic(m.getModifiers())
          || m.getName().equals("unwrap")
          || m.getName().equals("isWrapperFor")) {
        continue;
      }
      String signature = m.getName() + Arrays.toString(m.getParameterTypes());
      if (d.inherited() != null && declares(d.inherited(), m)) {
        continue;
      }
      bySignature.merge(
          signature,
          m,
          (a, b) -> a.getDeclaringClass().isAssignableFrom(b.getDeclaringClass()) ? b : a);
    }
    List<Method> methods = new ArrayList<>(bySignature.values());
    methods.sort(
        Comparator.comparing(Method::getName)
            .thenComparing(m -> Arrays.toString(m.getParameterTypes())));
    return methods;
  }

  private static boolean declares(Class<?> type, Method m) {
    try {
      type.getMethod(m.getName(), m.getParameterTypes());
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static void method(StringBuilder out, Method m, String target) {
    TypeVariable<Method>[] typeParameters = m.getTypeParameters();
    Type[] parameters = m.getGenericParameterTypes();
    List<String> names = new ArrayList<>();
    List<String> declarations = new ArrayList<>();
    for (int i = 0; i < parameters.length; i++) {
      names.add("a" + i);
      declarations.add(parameters[i].getTypeName() + " a" + i);
    }
    out.append("\n  @Override\n");
    if (m.isAnnotationPresent(Deprecated.class)) {
      out.append("  @Deprecated\n");
    }
    out.append("  public ");
    if (typeParameters.length > 0) {
      out.append(
              Arrays.stream(typeParameters)
                  .map(TypeVariable::getName)
                  .collect(Collectors.joining(", ", "<", ">")))
          .append(' ');
    }
    boolean returns = m.getReturnType() != void.class;
    out.append(m.getGenericReturnType().getTypeName())
        .append(' ')
        .append(m.getName())
        .append('(')
        .append(String.join(", ", declarations))
        .append(')');
    Class<?>[] exceptions = m.getExceptionTypes();
    if (exceptions.length > 0) {
      out.append(
          Arrays.stream(exceptions)
              .map(Class::getName)
              .collect(Collectors.joining(", ", " throws ", "")));
    }
    String call =
        (returns ? "return " : "")
            + target
            + "."
            + m.getName()
            + "("
            + String.join(", ", names)
            + ");";
    out.append(" {\n");
    if (Arrays.asList(exceptions).contains(SQLException.class)) {
      out.append("    try {\n      ")
          .append(call)
          .append("\n    } catch (Throwable e) {\n      throw SqlErrors.translate(e);\n    }\n");
    } else {
      out.append("    ").append(call).append('\n');
    }
    out.append("  }\n");
  }
}
