package vn.lienthong.gateway.signature;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

import vn.lienthong.gateway.Sha256;

/**
 * Asks an RFC 3161 timestamping authority over HTTP ({@code application/timestamp-query}) to stamp some bytes: sends
 * the SHA-256 imprint with a fresh nonce, asks for the authority's certificate and, when configured, a policy, and
 * accepts the answer only when it is granted, for this request (nonce, imprint, policy) and its token passes
 * {@link TimestampTokens#verify}.
 */
public final class TimestampClient {

    static final String QUERY_TYPE = "application/timestamp-query";
    static final String REPLY_TYPE = "application/timestamp-reply";
    /** A token with its certificate chain is a few kilobytes; a reply larger than this is refused unread. */
    static final int MAX_REPLY_BYTES = 256 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Supplier<URI> endpoint;
    private final String policyOid;
    private final Duration requestTimeout;
    private final List<X509Certificate> anchors;
    private final HttpClient http;

    /**
     * @param endpoint   where the authority answers (asked on every call, so that it can be resolved late)
     * @param policyOid  the policy to ask for, or null for the authority's default
     * @param anchors    the trust anchors the authority's certificate must lead to
     */
    public TimestampClient(Supplier<URI> endpoint, String policyOid, Duration connectTimeout, Duration requestTimeout,
                           List<X509Certificate> anchors) {
        this.endpoint = endpoint;
        this.policyOid = policyOid;
        this.requestTimeout = requestTimeout;
        this.anchors = List.copyOf(anchors);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A checked token over {@code data}, or why there is none; never throws for what the authority does. */
    public TimestampResult stamp(byte[] data) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        if (policyOid != null) {
            generator.setReqPolicy(policyOid);
        }
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, Sha256.digest(data),
                new BigInteger(64, RANDOM));
        URI url;
        byte[] reply;
        try {
            url = endpoint.get();
            reply = post(url, request.getEncoded());
        } catch (TsaUnavailable e) {
            return new TimestampResult.Failed(e.getMessage());
        } catch (IOException e) {
            return new TimestampResult.Failed("the timestamp request could not be encoded: " + e.getMessage());
        } catch (IllegalStateException e) {
            return new TimestampResult.Failed(e.getMessage());
        }
        return check(request, reply, data, url);
    }

    private TimestampResult check(TimeStampRequest request, byte[] reply, byte[] data, URI url) {
        TimeStampResponse response;
        try {
            response = new TimeStampResponse(reply);
        } catch (TSPException | IOException | RuntimeException e) {
            return new TimestampResult.Failed(url + " answered something that is not a timestamp response");
        }
        int status = response.getStatus();
        if (status != PKIStatus.GRANTED && status != PKIStatus.GRANTED_WITH_MODS) {
            return new TimestampResult.Failed(url + " refused the request: status " + status
                    + (response.getStatusString() == null ? "" : " (" + response.getStatusString() + ")")
                    + (response.getFailInfo() == null ? "" : ", failure info " + response.getFailInfo().intValue()));
        }
        try {
            response.validate(request);
        } catch (TSPException | RuntimeException e) {
            return new TimestampResult.Failed(url + " answered a token that is not for this request: " + e.getMessage());
        }
        TimeStampToken token = response.getTimeStampToken();
        byte[] encoded;
        try {
            encoded = token.getEncoded();
        } catch (IOException e) {
            return new TimestampResult.Failed("the token of " + url + " cannot be encoded: " + e.getMessage());
        }
        TimestampVerdict verdict = TimestampTokens.verify(encoded, data, anchors);
        if (!verdict.valid()) {
            return new TimestampResult.Failed("the token of " + url + " was refused: " + verdict.problem());
        }
        return new TimestampResult.Granted(encoded, verdict.time());
    }

    private byte[] post(URI url, byte[] query) throws TsaUnavailable {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(requestTimeout)
                .header("Content-Type", QUERY_TYPE)
                .header("Accept", REPLY_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(query))
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new TsaUnavailable(url + " answered HTTP " + response.statusCode());
                }
                String type = response.headers().firstValue("Content-Type").orElse("");
                if (!type.toLowerCase(java.util.Locale.ROOT).startsWith(REPLY_TYPE)) {
                    throw new TsaUnavailable(url + " answered " + (type.isEmpty() ? "no content type" : type)
                            + ", not " + REPLY_TYPE);
                }
                byte[] reply = body.readNBytes(MAX_REPLY_BYTES + 1);
                if (reply.length > MAX_REPLY_BYTES) {
                    throw new TsaUnavailable(url + " answered more than " + MAX_REPLY_BYTES + " bytes");
                }
                return reply;
            }
        } catch (HttpTimeoutException e) {
            throw new TsaUnavailable(url + " did not answer within " + requestTimeout);
        } catch (IOException e) {
            throw new TsaUnavailable(url + " cannot be reached: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TsaUnavailable("interrupted while waiting for " + url);
        }
    }

    /** The authority could not be asked or did not answer with a timestamp reply. */
    private static final class TsaUnavailable extends Exception {
        TsaUnavailable(String message) {
            super(message);
        }
    }
}
