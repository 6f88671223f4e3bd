package vn.lienthong.gateway.vdxp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** Where and as which system the gateway reaches the document interchange axis (VDXP adapter, docs/vdxp-adapter.md). */
@Validated
@ConfigurationProperties(prefix = "lienthong.vdxp")
public class VdxpAxisProperties {

    private static final String ORGAN_ID = "^[0-9A-Za-z]+(\\.[0-9A-Za-z]+)+$";

    /** Base URL of the adapter; empty in the sandbox means the built-in simulator on this gateway's port. */
    private String baseUrl = "";
    /** This gateway's system id on the axis (header {@code systemid}). */
    @Pattern(regexp = "[\\x21-\\x7E]{1,128}", message = "must be 1 to 128 printable ASCII characters without spaces")
    private String systemId;
    /** The HMAC secret of that system; never logged, never shown. */
    @Size(min = 16, max = 1024, message = "must be 16 to 1024 characters")
    private String secret;
    /** The organ codes this gateway sends and receives documents for. */
    @NotNull
    private List<@Pattern(regexp = ORGAN_ID, message = "must be an organ code such as 000.00.17.H56") String> organIds =
            new ArrayList<>();
    @NotNull
    private Duration connectTimeout = Duration.ofSeconds(5);
    /** Time for one call to be answered; a 10 MB document must fit in it. */
    @NotNull
    private Duration requestTimeout = Duration.ofSeconds(60);
    /** Largest reply read from the adapter ({@code getEdoc} carries a whole edXML in base64). */
    @NotNull
    private DataSize maxReplySize = DataSize.ofMegabytes(96);

    public String getBaseUrl() { return baseUrl; }
    public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
    public String getSystemId() { return systemId; }
    public void setSystemId(String systemId) { this.systemId = systemId; }
    public String getSecret() { return secret; }
    public void setSecret(String secret) { this.secret = secret; }
    public List<String> getOrganIds() { return organIds; }
    public void setOrganIds(List<String> organIds) { this.organIds = organIds; }
    public Duration getConnectTimeout() { return connectTimeout; }
    public void setConnectTimeout(Duration connectTimeout) { this.connectTimeout = connectTimeout; }
    public Duration getRequestTimeout() { return requestTimeout; }
    public void setRequestTimeout(Duration requestTimeout) { this.requestTimeout = requestTimeout; }
    public DataSize getMaxReplySize() { return maxReplySize; }
    public void setMaxReplySize(DataSize maxReplySize) { this.maxReplySize = maxReplySize; }

    @AssertTrue(message = "lienthong.vdxp.max-reply-size must be between 1 KB and 1 GB")
    public boolean isMaxReplySizeSensible() {
        return maxReplySize == null
                || maxReplySize.toBytes() >= 1024 && maxReplySize.toBytes() <= DataSize.ofGigabytes(1).toBytes();
    }

    /** Keeps the secret out of any log line or error page that prints the settings. */
    @Override
    public String toString() {
        return "VdxpAxisProperties[baseUrl=" + baseUrl + ", systemId=" + systemId + ", secret=***, organIds="
                + organIds + "]";
    }
}
