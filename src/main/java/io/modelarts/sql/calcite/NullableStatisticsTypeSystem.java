package io.modelarts.sql.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;

/**
 * Calcite's type system, except that the statistical aggregates (averages, variances, standard
 * deviations, covariances) are typed as possibly NULL, as SQL's answer for them can be.
 *
 * <p>Why: Calcite types {@code VAR_SAMP(x)} and {@code COVAR_SAMP(x, y)} of a {@code NOT NULL} x as
 * {@code NOT NULL} (it makes only {@code STDDEV_SAMP} nullable), yet over a single row SQL's answer
 * is NULL. The planner expands them into {@code CASE WHEN COUNT(x) = 1 THEN NULL ELSE … END} cast
 * back to that {@code NOT NULL} type, and Calcite's generated code turns the NULL into 0. Typing
 * them nullable makes the cast keep the NULL. The averages and population variances share the
 * derivation and become nullable too, which is what SQL says of aggregates anyway.
 */
public final class NullableStatisticsTypeSystem extends RelDataTypeSystemImpl {

  /** The one instance, named in the connection's {@code typeSystem} property. */
  public static final NullableStatisticsTypeSystem INSTANCE = new NullableStatisticsTypeSystem();

  private NullableStatisticsTypeSystem() {}

  @Override
  public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    return typeFactory.createTypeWithNullability(
        super.deriveAvgAggType(typeFactory, argumentType), true);
  }

  @Override
  public RelDataType deriveCovarType(
      RelDataTypeFactory typeFactory, RelDataType arg0Type, RelDataType arg1Type) {
    return typeFactory.createTypeWithNullability(
        super.deriveCovarType(typeFactory, arg0Type, arg1Type), true);
  }
}
