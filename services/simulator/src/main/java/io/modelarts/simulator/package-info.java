/**
 * A local, independent simulator of the ModelArts "list notebooks" API and of the IAM token API,
 * which every driver test and benchmark runs against.
 *
 * <p>Start one with {@link io.modelarts.simulator.ModelArtsSimulator#start(SimulatorConfig)} or
 * from the command line with {@link io.modelarts.simulator.SimulatorMain}. The behaviour follows
 * {@code /work/shared/api/notebooks-list-api.md} and {@code service-behaviour.md}; where the real
 * service is unknown, the simulator makes a documented choice (see {@code
 * services/simulator/README.md}).
 *
 * <p>This package deliberately imports nothing from the driver ({@code io.modelarts.sql}): it is a
 * second implementation of the same API, so that a mistake shared by both cannot hide.
 */
package io.modelarts.simulator;
