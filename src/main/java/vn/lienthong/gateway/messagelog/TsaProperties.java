package vn.lienthong.gateway.messagelog;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The timestamping authority (RFC 3161) that stamps signed checkpoints, under {@code lienthong.log.tsa}: where it
 * answers (none: checkpoints are not timestamped), the policy to ask for, timeouts, and the trust anchors its
 * certificate must lead to.
 */
@Validated
@ConfigurationProperties(prefix = "lienthong.log.tsa")
public class TsaProperties {

    /** The TSA's URL; a path alone (such as the sandbox's {@code /sim/tsa}) is on this gateway's own HTTP port. */
    @Pattern(regexp = "|https?://\\S+|/\\S*", message = "must be empty, an http(s) URL, or a path on this gateway")
    private String url = "";
    /** The TSA policy to ask for; empty leaves it to the TSA, and then any policy is accepted. */
    @Pattern(regexp = "|[0-2](\\.(0|[1-9][0-9]*))+", message = "must be empty or an object identifier such as 1.2.3.4")
    private String policyOid = "";
    @NotNull @DurationMin(millis = 100)
    private Duration connectTimeout = Duration.ofSeconds(5);
    @NotNull @DurationMin(millis = 100)
    private Duration requestTimeout = Duration.ofSeconds(10);
    /** PEM files of the roots (or the TSA certificates themselves) a token's signer must lead to; relative to lienthong.home. */
    @NotNull
    private List<Path> trustAnchors = new ArrayList<>();
    /** How long to leave the TSA alone after it failed, before asking again. */
    @NotNull @DurationMin(millis = 100)
    private Duration retryDelay = Duration.ofSeconds(30);
    /** Checkpoints stamped at most per round. */
    @Min(1) @Max(10_000)
    private int batchSize = 100;

    /** Whether a TSA is configured. */
    public boolean enabled() {
        return !url.isBlank();
    }

    @AssertTrue(message = "lienthong.log.tsa.trust-anchors must name at least one PEM file when lienthong.log.tsa.url is set")
    public boolean isTrustGivenForTheUrl() {
        return !enabled() || !trustAnchors.isEmpty();
    }

    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url == null ? "" : url.strip(); }
    public String getPolicyOid() { return policyOid; }
    public void setPolicyOid(String policyOid) { this.policyOid = policyOid == null ? "" : policyOid.strip(); }
    public Duration getConnectTimeout() { return connectTimeout; }
    public void setConnectTimeout(Duration connectTimeout) { this.connectTimeout = connectTimeout; }
    public Duration getRequestTimeout() { return requestTimeout; }
    public void setRequestTimeout(Duration requestTimeout) { this.requestTimeout = requestTimeout; }
    public List<Path> getTrustAnchors() { return trustAnchors; }
    public void setTrustAnchors(List<Path> trustAnchors) { this.trustAnchors = trustAnchors; }
    public Duration getRetryDelay() { return retryDelay; }
    public void setRetryDelay(Duration retryDelay) { this.retryDelay = retryDelay; }
    public int getBatchSize() { return batchSize; }
    public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
}
