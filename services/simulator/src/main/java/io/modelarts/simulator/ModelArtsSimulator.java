package io.modelarts.simulator;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A running simulator of the ModelArts list-notebooks API and the IAM token API on one loopback
 * port.
 *
 * <pre>{@code
 * try (ModelArtsSimulator sim = ModelArtsSimulator.start(SimulatorConfig.builder().notebooks(100).build())) {
 *   String url = sim.baseUrl() + "/v1/" + sim.projectId() + "/notebooks?limit=50";
 *   // call it with X-Auth-Token: sim.credentials().readyToken()
 * }
 * }</pre>
 */
public final class ModelArtsSimulator implements AutoCloseable {
  /**
   * Worker threads: enough for dozens of parallel pagers, since latency never occupies a worker.
   */
  static final int WORKER_THREADS = 64;

  /**
   * IPv4 loopback by literal: the base URL must name the address actually bound, whatever IPv6
   * preferences say.
   */
  private static final String LOOPBACK = "127.0.0.1";

  static {
    // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and
    // the
    // client's delayed ACK add about 40 ms to every answer, which would swamp any benchmark. The
    // JDK reads
    // this once, when the first HttpServer of the JVM is created; an explicit setting is respected.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final SimulatorConfig config;
  private final Tenant tenant;
  private final SimulatorCredentials credentials = SimulatorCredentials.demo();
  private final NotebookStore store;
  private final TokenRegistry tokens;
  private final FaultSettings faults;
  private final RequestLog log = new RequestLog();
  private final HttpServer server;
  private final ThreadPoolExecutor workers;
  private final ScheduledExecutorService timer;
  private final SimulatorHttpHandler handler;
  private final String baseUrl;

  private ModelArtsSimulator(SimulatorConfig config) throws IOException {
    this.config = requireNonNull(config, "config == null");
    this.tenant = Tenant.fromSeed(config.seed(), config.referenceTime());
    this.store =
        new NotebookStore(
            new NotebookGenerator(config.seed(), tenant, config.reportOwner()), config.notebooks());
    Clock clock = Clock.systemUTC();
    this.tokens =
        new TokenRegistry(credentials.readyToken(), tenant.projectId(), config.tokenTtl(), clock);
    this.faults = new FaultSettings(config);

    this.server =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getByName(LOOPBACK), config.port()), 256);
    this.baseUrl = "http://" + LOOPBACK + ":" + server.getAddress().getPort();
    this.workers =
        new ThreadPoolExecutor(
            WORKER_THREADS,
            WORKER_THREADS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            daemonThreads("modelarts-simulator-worker-%d"));
    this.workers.allowCoreThreadTimeOut(true);
    this.timer =
        Executors.newSingleThreadScheduledExecutor(daemonThreads("modelarts-simulator-latency-%d"));

    RequestAuthenticator authenticator =
        new RequestAuthenticator(new AkSkVerifier(credentials, clock), tokens);
    ListNotebooksEndpoint listEndpoint =
        new ListNotebooksEndpoint(
            authenticator,
            tenant.projectId(),
            config.sortableKeys(),
            new NotebookListing(store, config.nameMatch()));
    IamTokenEndpoint iamEndpoint = new IamTokenEndpoint(credentials, tenant, tokens, baseUrl);
    this.handler =
        new SimulatorHttpHandler(
            listEndpoint, iamEndpoint, faults, log, config.requestListener(), workers, timer);
    server.createContext("/", handler);
    server.setExecutor(workers);
    server.start();
  }

  /**
   * Generates the data and starts serving on 127.0.0.1.
   *
   * @throws UncheckedIOException when the port cannot be bound
   */
  public static ModelArtsSimulator start(SimulatorConfig config) {
    try {
      return new ModelArtsSimulator(config);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the simulator on port " + config.port(), e);
    }
  }

  /** {@code http://127.0.0.1:PORT}: the ModelArts API and IAM both live here. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The port actually bound (useful after asking for port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The only project this simulator knows: 32 lowercase hex, fixed per seed. */
  public String projectId() {
    return tenant.projectId();
  }

  /** The IAM name of {@link #projectId()} (a region name, {@code eu-de}). */
  public String projectName() {
    return tenant.projectName();
  }

  public SimulatorCredentials credentials() {
    return credentials;
  }

  public SimulatorConfig config() {
    return config;
  }

  /** A copy of the request log (ModelArts and IAM calls), in arrival order. */
  public List<ServedRequest> requestLog() {
    return log.snapshot();
  }

  public void clearRequestLog() {
    log.clear();
  }

  /**
   * ModelArts list calls received since start, whatever their answer (faults included); IAM calls
   * excluded.
   */
  public int apiCallCount() {
    return handler.listCallCount();
  }

  /**
   * The current data, both features, each notebook as the API renders it (independent copies), in
   * the service's default order: {@code lease.create_at} descending, then id descending.
   */
  public List<ObjectNode> dataset() {
    return NotebookListing.inDefaultOrder(store.snapshot()).stream()
        .map(notebook -> notebook.json().deepCopy())
        .toList();
  }

  /** Creates {@code count} notebooks newer than all existing ones and returns their ids. */
  public List<String> addNotebooks(int count) {
    return store.add(count);
  }

  /** Deletes a notebook; returns whether it existed. */
  public boolean removeNotebook(String id) {
    return store.remove(id);
  }

  /**
   * Every IAM token issued so far answers 401 ModelArts.0202 from now on; the ready token stays
   * valid.
   */
  public void revokeTokens() {
    tokens.revokeAll();
  }

  /** Lifetime of tokens issued from now on; tokens already issued keep theirs. */
  public void setTokenTtl(Duration ttl) {
    tokens.setTtl(ttl);
  }

  /** The live fault knobs: latency, throttle, fail and reset can be changed while requests run. */
  public FaultSettings faults() {
    return faults;
  }

  /** Stops serving at once; requests still waiting for their latency are dropped. */
  @Override
  public void close() {
    server.stop(0);
    timer.shutdownNow();
    workers.shutdownNow();
  }

  private static ThreadFactory daemonThreads(String nameFormat) {
    return new ThreadFactoryBuilder().setNameFormat(nameFormat).setDaemon(true).build();
  }
}
