package io.modelarts.sql.jdbc;

import io.modelarts.sql.calcite.metadata.PrecompiledMetadataHandlers;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.rex.RexBuilder;

/**
 * Calcite's preparation with clusters whose metadata comes from handlers compiled when the driver
 * was built, so that the first query of a JVM does not wait for Janino to compile them.
 */
class PrecompiledMetadataPrepare extends DefaultRulesPrepare {
  @Override
  protected RelOptCluster createCluster(RelOptPlanner planner, RexBuilder rexBuilder) {
    RelOptCluster cluster = super.createCluster(planner, rexBuilder);
    cluster.setMetadataQuerySupplier(PrecompiledMetadataHandlers::newQuery);
    return cluster;
  }
}
