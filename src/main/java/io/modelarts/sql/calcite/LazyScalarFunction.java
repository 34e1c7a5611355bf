package io.modelarts.sql.calcite;

import java.util.List;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * A scalar function of a public static method, as Calcite's {@link ScalarFunctionImpl} of it, but
 * made on first use: by the code generator, or a question about its parameters.
 *
 * <p>Why: making a {@code ScalarFunctionImpl} initialises Calcite's table of the code generator's
 * implementations, about 90 ms of a cold start's wall time and 0.2 s of CPU, which a plan the
 * interpreter runs need not pay (one with an aggregate pays it anyway: Calcite's {@code
 * EnumerableAggregate} checks its calls against that table). The driver's functions ({@link
 * CodePointStrings}, {@link DecimalKeys}) are made with the first plan that calls them, which is
 * often a first query ({@code WHERE CHAR_LENGTH(name) > 12}).
 */
final class LazyScalarFunction implements ScalarFunction, ImplementableFunction {
  private final Class<?> declaringClass;
  private final String method;
  private volatile ScalarFunctionImpl made;

  private LazyScalarFunction(Class<?> declaringClass, String method) {
    this.declaringClass = declaringClass;
    this.method = method;
  }

  /**
   * The operator a plan calls to run {@code declaringClass}'s static {@code method}: named {@code
   * name}, typed by {@code returnType}, its implementation made on first use.
   */
  static SqlUserDefinedFunction operator(
      String name, SqlReturnTypeInference returnType, Class<?> declaringClass, String method) {
    return new SqlUserDefinedFunction(
        new SqlIdentifier(name, SqlParserPos.ZERO),
        SqlKind.OTHER_FUNCTION,
        returnType,
        null,
        null,
        new LazyScalarFunction(declaringClass, method));
  }

  private ScalarFunctionImpl made() {
    ScalarFunctionImpl function = made;
    if (function == null) {
      // Two threads may both make it; either is the same function.
      function = (ScalarFunctionImpl) ScalarFunctionImpl.create(declaringClass, method);
      made = function;
    }
    return function;
  }

  @Override
  public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
    return made().getReturnType(typeFactory);
  }

  @Override
  public List<FunctionParameter> getParameters() {
    return made().getParameters();
  }

  @Override
  public CallImplementor getImplementor() {
    return made().getImplementor();
  }
}
