package io.modelarts.sql.jdbc;

import io.modelarts.sql.calcite.ModelArtsSchema;
import io.modelarts.sql.calcite.ModelArtsSession;
import io.modelarts.sql.calcite.ModelArtsTypeSystem;
import io.modelarts.sql.calcite.UnicodeTypeFactory;
import io.modelarts.sql.config.ConnectionConfig;
import io.modelarts.sql.config.ConnectionProperty;
import java.sql.Connection;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.ConnectStringParser;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalciteFactory;
import org.apache.calcite.jdbc.CalciteMetaImpl;
import org.apache.calcite.jdbc.CalciteMetaTableFactoryImpl;
import org.apache.calcite.jdbc.CalcitePrepare;

/**
 * The JDBC driver for {@code jdbc:modelarts:} URLs: SQL over the ModelArts notebook listing API,
 * planned and run by Apache Calcite.
 *
 * <p>Properties come from the URL ({@code jdbc:modelarts:region=eu-de;projectId=...}) and from the
 * {@link Properties} passed to {@code connect}; where both name a property, the URL wins (the
 * Avatica convention).
 */
public final class ModelArtsDriver extends org.apache.calcite.jdbc.Driver {
  public static final String PREFIX = "jdbc:modelarts:";

  static {
    // Calcite compiles a Java class per query (Janino, tens of milliseconds); with this cache,
    // queries of the same shape reuse the class. Set only if the application has not chosen.
    setUnlessSet("calcite.bindable.cache.maxSize", "500");
    // The character set of the connections' types (UnicodeTypeFactory) as Calcite's default too,
    // so that plans print literals without naming it.
    setUnlessSet("calcite.default.charset", UnicodeTypeFactory.CHARSET);
    setUnlessSet("calcite.default.nationalcharset", UnicodeTypeFactory.CHARSET);
    setUnlessSet("calcite.default.collation.name", UnicodeTypeFactory.CHARSET + "$en_US");
    new ModelArtsDriver().register();
  }

  /** Sets a Calcite system property the application has not set (Calcite reads it once). */
  private static void setUnlessSet(String name, String value) {
    if (System.getProperty(name) == null) {
      System.setProperty(name, value);
    }
  }

  @Override
  protected String getConnectStringPrefix() {
    return PREFIX;
  }

  @Override
  protected DriverVersion createDriverVersion() {
    return new DriverVersion(
        "ModelArts JDBC Driver",
        Version.VERSION,
        "ModelArts",
        Version.VERSION,
        true,
        Version.MAJOR,
        Version.MINOR,
        Version.MAJOR,
        Version.MINOR);
  }

  /**
   * Calcite's preparation, reusing the plans of SQL texts a connection has run ({@link PlanCache}).
   */
  @Override
  public CalcitePrepare createPrepare() {
    return new PlanCachingPrepare();
  }

  /** Calcite's metadata, with each column's API documentation as its remarks. */
  @Override
  public Meta createMeta(AvaticaConnection connection) {
    return CalciteMetaImpl.create(
        (CalciteConnection) connection,
        CalciteMetaTableFactoryImpl.INSTANCE,
        new DocumentedColumnFactory());
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (url == null || !acceptsURL(url)) {
      return null; // JDBC: another driver's URL
    }
    Properties merged =
        ConnectStringParser.parse(
            url.substring(PREFIX.length()), info == null ? new Properties() : info);
    // Before the settings are checked, which is the first of the work the preloader speeds up; a
    // bad value fails the connection just below.
    String preload = merged.getProperty(ConnectionProperty.PRELOAD_CLASSES.propertyName(), "");
    if (!preload.strip().equalsIgnoreCase("false")) {
      ClassPreloader.startOnce();
    }
    ConnectionConfig config = ConnectionConfig.from(merged);
    ModelArtsSession session = SessionFactory.open(config);
    // Types in UTF-16, with SQL's where Calcite's differ (ModelArtsTypeSystem); given here, the
    // factory is what Calcite uses, and its typeSystem property goes unread.
    AvaticaConnection calcite =
        ((CalciteFactory) factory)
            .newConnection(
                this,
                factory,
                PREFIX + "projectId=" + config.projectId(),
                calciteProperties(),
                null,
                new UnicodeTypeFactory(ModelArtsTypeSystem.INSTANCE));
    handler.onConnectionInit(calcite);
    CalciteConnection connection = (CalciteConnection) calcite;
    connection.getRootSchema().add(ModelArtsSchema.NAME, new ModelArtsSchema(session));
    connection.setSchema(ModelArtsSchema.NAME);
    return new ModelArtsConnection(connection, session);
  }

  /** Calcite's settings: lower-case names matched case-insensitively, double-quoted identifiers. */
  private static Properties calciteProperties() {
    Properties p = new Properties();
    p.setProperty("caseSensitive", "false");
    p.setProperty("unquotedCasing", "UNCHANGED");
    p.setProperty("quotedCasing", "UNCHANGED");
    p.setProperty("quoting", "DOUBLE_QUOTE");
    p.setProperty("conformance", "LENIENT");
    p.setProperty("timeZone", "UTC");
    // The schema has no materialized views; with this off the planner skips the materialized-view
    // rules (which match nothing without one) and DefaultRulesPrepare builds the rule list itself.
    p.setProperty("materializationsEnabled", "false");
    return p;
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    Properties merged = info == null ? new Properties() : info;
    if (url != null && acceptsURL(url)) {
      merged = ConnectStringParser.parse(url.substring(PREFIX.length()), merged);
    }
    ConnectionProperty[] all = ConnectionProperty.values();
    DriverPropertyInfo[] out = new DriverPropertyInfo[all.length];
    for (int i = 0; i < all.length; i++) {
      out[i] = all[i].toPropertyInfo(merged);
    }
    return out;
  }
}
