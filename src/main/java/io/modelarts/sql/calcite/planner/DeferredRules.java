package io.modelarts.sql.calcite.planner;

import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.rel.RelNode;

/**
 * The default rules of a planner created without them, held in its context until {@link
 * StandardProgram}'s planning step knows the plan and registers those it can use ({@link
 * DefaultPlannerRules#registerFor}).
 *
 * <p>A program offered through Calcite's {@code Hook.PROGRAM} must run {@link StandardProgram} (as
 * the driver's {@code MaxRowsLimit} does) or call {@link #registerFor} itself, or its planner has
 * no default rules.
 */
public final class DeferredRules {
  private final boolean materializations;
  private final boolean bindable;
  private boolean registered;

  /** The rules {@code RelOptUtil.registerDefaultRules} would register with these settings. */
  public DeferredRules(boolean materializations, boolean bindable) {
    this.materializations = materializations;
    this.bindable = bindable;
  }

  /**
   * Registers the default rules planning {@code plan} can use in {@code planner}, if its context
   * holds rules still deferred; does nothing for any other planner, or the second time.
   */
  public static void registerFor(RelOptPlanner planner, RelNode plan) {
    planner
        .getContext()
        .maybeUnwrap(DeferredRules.class)
        .ifPresent(deferred -> deferred.register(planner, plan));
  }

  private void register(RelOptPlanner planner, RelNode plan) {
    if (!registered) {
      registered = true;
      DefaultPlannerRules.registerFor(planner, plan, materializations, bindable);
    }
  }

  @Override
  public String toString() {
    return "DeferredRules{registered=" + registered + "}";
  }
}
