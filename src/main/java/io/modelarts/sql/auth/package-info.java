/**
 * Authentication of ModelArts API requests: AK/SK request signing ({@code SDK-HMAC-SHA256}), IAM
 * password tokens and ready-made tokens, all behind {@link
 * io.modelarts.sql.auth.RequestAuthenticator}.
 *
 * <p>Rule for everything in this package: a secret (secret key, password, security token, IAM
 * token) never appears in an exception message, a log line or a {@code toString()}. Access keys,
 * user names, domain names and project ids are not secrets and are shown, because without them an
 * error cannot be acted upon.
 */
package io.modelarts.sql.auth;
