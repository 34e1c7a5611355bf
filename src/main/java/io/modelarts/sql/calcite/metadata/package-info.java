/**
 * Calcite's metadata handlers compiled by javac when the driver is built, instead of by Janino when
 * a JVM plans its first query: the same generated code, without the compilation in the cold start.
 */
package io.modelarts.sql.calcite.metadata;
