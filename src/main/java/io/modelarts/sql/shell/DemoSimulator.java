package io.modelarts.sql.shell;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The ModelArts simulator started in-process for {@code --demo}, reached by reflection: it lives in
 * the test sources, and the driver must not depend on it to compile or to ship.
 */
final class DemoSimulator implements AutoCloseable {
  static final String SIMULATOR_CLASS = "io.modelarts.simulator.ModelArtsSimulator";
  static final String CONFIG_CLASS = "io.modelarts.simulator.SimulatorConfig";
  static final int NOTEBOOKS = 500;
  static final long SEED = 42L;

  private final AutoCloseable simulator;
  private final String baseUrl;
  private final String projectId;
  private final String accessKey;
  private final String secretKey;

  private DemoSimulator(AutoCloseable simulator) throws ReflectiveOperationException {
    this.simulator = simulator;
    this.baseUrl = (String) call(simulator, "baseUrl");
    this.projectId = (String) call(simulator, "projectId");
    Object credentials = call(simulator, "credentials");
    this.accessKey = (String) call(credentials, "accessKey");
    this.secretKey = (String) call(credentials, "secretKey");
  }

  /**
   * Starts a simulator with the demo data set (500 notebooks, seed 42) on a free loopback port.
   *
   * @throws UsageException when this build has no simulator on its class path
   */
  static DemoSimulator start() throws UsageException {
    Class<?> simulatorClass;
    Class<?> configClass;
    try {
      simulatorClass = Class.forName(SIMULATOR_CLASS);
      configClass = Class.forName(CONFIG_CLASS);
    } catch (ClassNotFoundException e) {
      throw new UsageException(
          "--demo needs the ModelArts simulator, which is not on the class path of this build;"
              + " run ./modelarts-sql from a source checkout");
    }
    try {
      Method builderMethod = configClass.getMethod("builder");
      Class<?> builderClass = builderMethod.getReturnType();
      Object builder = builderMethod.invoke(null);
      builderClass.getMethod("port", int.class).invoke(builder, 0);
      builderClass.getMethod("notebooks", int.class).invoke(builder, NOTEBOOKS);
      builderClass.getMethod("seed", long.class).invoke(builder, SEED);
      // The data's "now" is the wall clock, so leases end within the coming hours as they would.
      builderClass
          .getMethod("referenceTime", java.time.Instant.class)
          .invoke(builder, java.time.Instant.now());
      Object config = builderClass.getMethod("build").invoke(builder);
      AutoCloseable simulator =
          (AutoCloseable) simulatorClass.getMethod("start", configClass).invoke(null, config);
      try {
        return new DemoSimulator(simulator);
      } catch (ReflectiveOperationException | RuntimeException e) {
        simulator.close();
        throw e;
      }
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(
          "the demo simulator did not start: " + e.getCause(), e.getCause());
    } catch (Exception e) {
      // The simulator's public API changed under us: a build problem, not a user's.
      throw new IllegalStateException(
          "the simulator's API is not the one the shell expects: " + e, e);
    }
  }

  private static Object call(Object target, String method) throws ReflectiveOperationException {
    return target.getClass().getMethod(method).invoke(target);
  }

  String baseUrl() {
    return baseUrl;
  }

  String projectId() {
    return projectId;
  }

  String accessKey() {
    return accessKey;
  }

  String secretKey() {
    return secretKey;
  }

  @Override
  public void close() {
    try {
      simulator.close();
    } catch (Exception e) {
      // The shell is on its way out; a server that fails to stop holds nothing worth reporting.
    }
  }
}
