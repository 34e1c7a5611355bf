package io.modelarts.sql.config;

import java.sql.SQLException;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * The base URLs of the ModelArts API and of IAM for a connection: given explicitly, or derived from
 * the region for Huawei Cloud ({@code *.myhuaweicloud.com}) and Open Telekom Cloud ({@code
 * *.otc.t-systems.com}).
 */
public record ServiceEndpoints(HttpUrl modelArts, HttpUrl iam) {
  private static final Pattern HUAWEI_REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");

  /** Open Telekom Cloud regions; ModelArts is documented for eu-de. */
  private static final java.util.Set<String> OTC_REGIONS = java.util.Set.of("eu-de", "eu-nl");

  static ServiceEndpoints resolve(
      String region, HttpUrl endpoint, HttpUrl iamEndpoint, boolean allowInsecure, boolean needsIam)
      throws SQLException {
    HttpUrl api = endpoint;
    HttpUrl iam = iamEndpoint;
    if (region != null
        && !OTC_REGIONS.contains(region)
        && !HUAWEI_REGION.matcher(region).matches()) {
      throw new SQLException(
          "Connection property 'region' has the invalid value '"
              + region
              + "': expected a Huawei"
              + " Cloud region id such as cn-north-4 or ap-southeast-3, or eu-de for Open Telekom"
              + " Cloud",
          ConnectionConfig.INVALID_VALUE);
    }
    if (api == null) {
      if (region == null) {
        throw new SQLException(
            "Connection property 'region' or 'endpoint' is required to know where the ModelArts"
                + " API is",
            ConnectionConfig.CANNOT_CONNECT);
      }
      api =
          HttpUrl.get(
              OTC_REGIONS.contains(region)
                  ? "https://modelarts." + region + ".otc.t-systems.com"
                  : "https://modelarts." + region + ".myhuaweicloud.com");
    }
    if (iam == null && region != null) {
      iam =
          HttpUrl.get(
              OTC_REGIONS.contains(region)
                  ? "https://iam." + region + ".otc.t-systems.com"
                  : "https://iam." + region + ".myhuaweicloud.com");
    }
    if (iam == null && needsIam) {
      throw new SQLException(
          "Connection property 'iamEndpoint' or 'region' is required for authType=password",
          ConnectionConfig.CANNOT_CONNECT);
    }
    checkTransport("endpoint", api, allowInsecure);
    if (iam != null) {
      checkTransport("iamEndpoint", iam, allowInsecure);
    }
    return new ServiceEndpoints(api, iam);
  }

  private static void checkTransport(String property, HttpUrl url, boolean allowInsecure)
      throws SQLException {
    if (!url.isHttps() && !allowInsecure && !ConnectionConfig.isLoopback(url.host())) {
      throw new SQLException(
          "Connection property '"
              + property
              + "' is a plain http:// URL to "
              + url.host()
              + ", which would send credentials in clear text; use https:// or set"
              + " allowInsecureHttp=true",
          ConnectionConfig.INVALID_VALUE);
    }
  }
}
