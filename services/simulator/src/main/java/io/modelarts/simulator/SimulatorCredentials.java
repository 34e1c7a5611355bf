package io.modelarts.simulator;

/**
 * The demo credentials a simulator accepts; they guard nothing real and are printed on start.
 *
 * @param accessKey permanent AK for {@code SDK-HMAC-SHA256} signing
 * @param secretKey SK of {@link #accessKey}
 * @param temporaryAccessKey temporary AK, accepted only together with {@link #securityToken}
 * @param temporarySecretKey SK of {@link #temporaryAccessKey}
 * @param securityToken value the temporary AK must send as {@code X-Security-Token}
 * @param iamUser IAM user name for {@code POST /v3/auth/tokens}
 * @param iamPassword password of {@link #iamUser}
 * @param iamDomain IAM account (domain) name of {@link #iamUser}
 * @param readyToken a token accepted as {@code X-Auth-Token} without asking IAM; it never expires
 */
public record SimulatorCredentials(
    String accessKey,
    String secretKey,
    String temporaryAccessKey,
    String temporarySecretKey,
    String securityToken,
    String iamUser,
    String iamPassword,
    String iamDomain,
    String readyToken) {

  /**
   * The fixed demo set. The password holds a quote and a non-ASCII letter on purpose: a client that
   * builds the IAM request body by string concatenation instead of a JSON writer fails here, not in
   * production.
   */
  static SimulatorCredentials demo() {
    return new SimulatorCredentials(
        "SIMULATORACCESSKEY01",
        "SimulatorDemoSecret4ModelArtsNotebooksOK",
        "SIMULATORTEMPAK00001",
        "SimulatorDemoTemporarySecret4ModelArts00",
        "c2ltdWxhdG9yIGRlbW8gc2VjdXJpdHkgdG9rZW46IHRlbXBvcmFyeSBBSy9TSyBtdXN0IHByZXNlbnQgaXQgYXMgWC1TZWN1cml0eS1Ub2tlbg==",
        "sim-user",
        "sim-Pässw0rd\"!",
        "sim-domain",
        "MIISc2ltdWxhdG9yIHJlYWR5IHRva2VuLCB2YWxpZCB1bnRpbCB0aGUgc2ltdWxhdG9yIHN0b3BzOyBub3QgYSBzZWNyZXQ");
  }
}
