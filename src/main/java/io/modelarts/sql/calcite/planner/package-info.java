/**
 * Calcite's default planner rules and standard optimizer program, built without initialising {@code
 * CoreRules}, whose every rule a first query would otherwise pay for, and registered once the plan
 * is known: a simple plan gets only the rules that can match it.
 */
package io.modelarts.sql.calcite.planner;
