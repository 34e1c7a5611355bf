package io.modelarts.sql.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The delegation bases that src/build/JdbcDelegates.java writes: every method of each wrapped
 * interface reaches the wrapped object with the same arguments and returns its answer, and a
 * failure there comes back as an SQLException.
 */
class JdbcDelegatesTest {
  /** What the wrapped object saw: one call, its method and arguments. */
  private record Call(Method method, List<Object> args) {}

  /** A stand-in for Calcite's object: records each call and answers with a value of its type. */
  private static <T> T recording(Class<T> api, List<Call> calls) {
    return api.cast(
        Proxy.newProxyInstance(
            api.getClassLoader(),
            new Class<?>[] {api},
            (proxy, method, args) -> {
              calls.add(new Call(method, args == null ? List.of() : Arrays.asList(args)));
              return sample(method.getReturnType());
            }));
  }

  /** A distinct non-default value of {@code type} (null for reference types but String). */
  private static Object sample(Class<?> type) {
    if (type == boolean.class) {
      return true;
    } else if (type == int.class) {
      return 7;
    } else if (type == long.class) {
      return 7L;
    } else if (type == short.class) {
      return (short) 7;
    } else if (type == byte.class) {
      return (byte) 7;
    } else if (type == float.class) {
      return 7f;
    } else if (type == double.class) {
      return 7d;
    } else if (type == String.class) {
      return "answer";
    }
    return null;
  }

  /** An argument of {@code type}: distinct per position, so swapped arguments show. */
  private static Object argument(Class<?> type, int position) {
    if (type == boolean.class) {
      return position % 2 == 0;
    } else if (type == int.class) {
      return 100 + position;
    } else if (type == long.class) {
      return 100L + position;
    } else if (type == short.class) {
      return (short) (100 + position);
    } else if (type == byte.class) {
      return (byte) (100 + position);
    } else if (type == float.class) {
      return 100f + position;
    } else if (type == double.class) {
      return 100d + position;
    } else if (type == String.class) {
      return "arg" + position;
    }
    return null;
  }

  /**
   * Calls every instance method of {@code api} but unwrap/isWrapperFor (with {@code onlyDeclared},
   * those {@code api} itself declares) on the wrapper and checks that the wrapped object saw
   * exactly that call and its answer came back.
   */
  private static <T> void delegatesEveryMethod(
      Class<T> api, boolean onlyDeclared, Function<T, Object> wrap) throws Exception {
    List<Call> calls = new ArrayList<>();
    Object delegate = wrap.apply(recording(api, calls));
    int checked = 0;
    for (Method m : api.getMethods()) {
      if (Modifier.isStatic(m.getModifiers())
          || m.getName().equals("unwrap")
          || m.getName().equals("isWrapperFor")
          || (onlyDeclared && !m.getDeclaringClass().equals(api))) {
        continue;
      }
      Class<?>[] types = m.getParameterTypes();
      Object[] args = new Object[types.length];
      for (int i = 0; i < types.length; i++) {
        args[i] = argument(types[i], i);
      }
      calls.clear();
      Object answer = m.invoke(delegate, args);
      assertEquals(1, calls.size(), m + " reached the wrapped object once");
      Call call = calls.get(0);
      assertEquals(m.getName(), call.method().getName(), m.toString());
      assertEquals(
          List.of(m.getParameterTypes()), List.of(call.method().getParameterTypes()), m.toString());
      assertEquals(Arrays.asList(args), call.args(), m + " passed its arguments in order");
      assertEquals(sample(m.getReturnType()), answer, m + " returned the wrapped object's answer");
      checked++;
    }
    assertTrue(checked > 20, api + ": only " + checked + " methods checked");
  }

  @Test
  void connectionMethodsReachTheWrappedConnection() throws Exception {
    delegatesEveryMethod(
        Connection.class,
        false,
        c ->
            new DelegatingConnection() {
              @Override
              Connection target() {
                return c;
              }
            });
  }

  @Test
  void statementMethodsReachTheWrappedStatement() throws Exception {
    delegatesEveryMethod(
        Statement.class,
        false,
        s ->
            new DelegatingStatement() {
              @Override
              Statement target() {
                return s;
              }
            });
  }

  @Test
  void preparedStatementMethodsReachTheWrappedStatement() throws Exception {
    // Only the methods PreparedStatement adds: Statement's come from ModelArtsStatement.
    delegatesEveryMethod(
        PreparedStatement.class, true, p -> new DelegatingPreparedStatement(p, null) {});
  }

  @Test
  void resultSetMethodsReachTheWrappedResultSet() throws Exception {
    delegatesEveryMethod(
        ResultSet.class,
        false,
        r ->
            new DelegatingResultSet() {
              @Override
              ResultSet target() {
                return r;
              }
            });
  }

  @Test
  void metadataMethodsReachTheWrappedMetadata() throws Exception {
    delegatesEveryMethod(
        DatabaseMetaData.class,
        false,
        d ->
            new DelegatingDatabaseMetaData() {
              @Override
              DatabaseMetaData target() {
                return d;
              }
            });
  }

  @Test
  void noMethodIsLeftToAnInterfaceDefault() {
    for (Class<?> type :
        List.of(
            ModelArtsConnection.class,
            ModelArtsStatement.class,
            ModelArtsPreparedStatement.class,
            ModelArtsResultSet.class,
            ModelArtsDatabaseMetaData.class)) {
      for (Method m : type.getMethods()) {
        if (!Modifier.isStatic(m.getModifiers())) {
          assertFalse(m.getDeclaringClass().isInterface(), type.getSimpleName() + ": " + m);
        }
      }
    }
  }

  @Test
  void aFailureOfTheWrappedObjectIsAnSqlException() throws Exception {
    ResultSet failing =
        (ResultSet)
            Proxy.newProxyInstance(
                ResultSet.class.getClassLoader(),
                new Class<?>[] {ResultSet.class},
                (proxy, method, args) -> {
                  throw new IllegalStateException("boom in " + method.getName());
                });
    DelegatingResultSet rs =
        new DelegatingResultSet() {
          @Override
          ResultSet target() {
            return failing;
          }
        };
    SQLException e = assertThrows(SQLException.class, () -> rs.getString(1));
    assertEquals("HY000", e.getSQLState());
    assertInstanceOf(IllegalStateException.class, e.getCause());
    assertTrue(e.getMessage().contains("boom in getString"), e.getMessage());
  }

  @Test
  void unwrapAnswersForTheWrapperFirst() throws Exception {
    List<Call> calls = new ArrayList<>();
    ResultSet wrapped = recording(ResultSet.class, calls);
    DelegatingResultSet rs =
        new DelegatingResultSet() {
          @Override
          ResultSet target() {
            return wrapped;
          }
        };
    assertSame(rs, rs.unwrap(ResultSet.class));
    assertTrue(rs.isWrapperFor(ResultSet.class));
    assertTrue(calls.isEmpty());
    assertNull(rs.unwrap(Runnable.class)); // asked the wrapped object, which said null
    assertTrue(rs.isWrapperFor(Runnable.class)); // the wrapped object's answer: true
    assertEquals(
        List.of("unwrap", "isWrapperFor"), calls.stream().map(c -> c.method().getName()).toList());
  }
}
