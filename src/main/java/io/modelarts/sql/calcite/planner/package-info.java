/**
 * Calcite's default planner rules and standard optimizer program, built without initialising {@code
 * CoreRules}, whose every rule a first query would otherwise pay for.
 */
package io.modelarts.sql.calcite.planner;
