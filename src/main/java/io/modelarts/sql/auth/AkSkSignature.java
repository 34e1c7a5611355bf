package io.modelarts.sql.auth;

import java.util.Objects;

/**
 * The result of signing one request with {@link AkSkSigner}: every intermediate text, so that a
 * signature the service rejects can be compared step by step with the service's own.
 *
 * <p>Holds no secret: the secret key only enters the HMAC, whose output is public.
 *
 * @param canonicalRequest the canonical request text that was hashed
 * @param stringToSign {@code SDK-HMAC-SHA256\n{date}\n{hex sha256(canonicalRequest)}}
 * @param signedHeaders the lower-case signed header names joined by {@code ;}
 * @param signature lower-case hex HMAC-SHA256 of {@code stringToSign}
 * @param authorization the complete {@code Authorization} header value
 */
public record AkSkSignature(
    String canonicalRequest,
    String stringToSign,
    String signedHeaders,
    String signature,
    String authorization) {

  /** Checks that no component is null. */
  public AkSkSignature {
    Objects.requireNonNull(canonicalRequest, "canonicalRequest == null");
    Objects.requireNonNull(stringToSign, "stringToSign == null");
    Objects.requireNonNull(signedHeaders, "signedHeaders == null");
    Objects.requireNonNull(signature, "signature == null");
    Objects.requireNonNull(authorization, "authorization == null");
  }
}
