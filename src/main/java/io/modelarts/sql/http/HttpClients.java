package io.modelarts.sql.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The one {@link OkHttpClient} and the one page-fetching thread pool the whole driver shares;
 * connections derive their variants (timeouts, trust store) with {@code newBuilder()}, which keeps
 * the connection pool and dispatcher shared.
 */
public final class HttpClients {
  /**
   * Plain HTTP only: a client that can speak TLS loads the platform's trust store and sets up an
   * SSL context when it is built (~0.2 s of a cold start, measured), which connections to a plain
   * {@code http://} endpoint (a local simulator, a test) never need.
   */
  private static final OkHttpClient SHARED =
      new OkHttpClient.Builder().connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();

  private static final ExecutorService PAGE_FETCHERS =
      new ThreadPoolExecutor(
          0, 256, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), daemonThreads("modelarts-page-"));

  private HttpClients() {}

  /**
   * {@link #SHARED} able to speak TLS, built when the first connection to an https:// URL needs it.
   */
  private static final class Tls {
    /** OkHttp's default: modern TLS, and plain HTTP for http:// URLs. */
    static final OkHttpClient SHARED_TLS =
        SHARED
            .newBuilder()
            .connectionSpecs(List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT))
            .build();
  }

  /**
   * A client for one connection with its timeouts and, if given, its own trust store; it speaks TLS
   * if {@code tls}, else plain HTTP only (for connections whose endpoints are all http://).
   */
  public static OkHttpClient forConnection(
      boolean tls,
      long connectTimeoutMillis,
      long readTimeoutMillis,
      long callTimeoutMillis,
      String trustStorePath,
      String trustStorePassword,
      HttpUrl proxy,
      String proxyUser,
      String proxyPassword)
      throws IOException {
    OkHttpClient.Builder builder =
        (tls ? Tls.SHARED_TLS : SHARED)
            .newBuilder()
            .connectTimeout(connectTimeoutMillis, TimeUnit.MILLISECONDS)
            .readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS)
            .callTimeout(callTimeoutMillis, TimeUnit.MILLISECONDS)
            // Retries are ours (with backoff and a budget); OkHttp's silent one would double them.
            .retryOnConnectionFailure(false);
    if (proxy != null) {
      builder.proxy(
          new java.net.Proxy(
              java.net.Proxy.Type.HTTP,
              new java.net.InetSocketAddress(proxy.host(), proxy.port())));
    }
    if (proxyUser != null) {
      String credential =
          okhttp3.Credentials.basic(proxyUser, proxyPassword == null ? "" : proxyPassword);
      builder.proxyAuthenticator(
          (route, response) ->
              // answer a 407 once; a second one means the proxy refused these credentials
              response.request().header("Proxy-Authorization") != null
                  ? null
                  : response
                      .request()
                      .newBuilder()
                      .header("Proxy-Authorization", credential)
                      .build());
    }
    if (trustStorePath != null) {
      X509TrustManager trustManager = trustManager(Path.of(trustStorePath), trustStorePassword);
      try {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustManager}, null);
        builder.sslSocketFactory(context.getSocketFactory(), trustManager);
      } catch (GeneralSecurityException e) {
        throw new IOException("cannot set up TLS with the trust store " + trustStorePath, e);
      }
    }
    return builder.build();
  }

  /** The pool that runs page fetches, so the reading thread can watch for cancellation. */
  public static ExecutorService pageFetchers() {
    return PAGE_FETCHERS;
  }

  private static X509TrustManager trustManager(Path path, String password) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(in, password == null ? null : password.toCharArray());
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      for (TrustManager tm : factory.getTrustManagers()) {
        if (tm instanceof X509TrustManager x509) {
          return x509;
        }
      }
      throw new IOException("the trust store " + path + " holds no X.509 certificates");
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot read the trust store " + path + ": " + e.getMessage(), e);
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
