package vn.lienthong.gateway.vdxp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway takes in what the axis holds for its organs ({@code lienthong.vdxp.poll-interval}) and where it
 * passes it on: the local document system of each organ ({@code lienthong.vdxp.local-systems}).
 */
@Validated
@ConfigurationProperties(prefix = "lienthong.vdxp")
public class VdxpInboundProperties {

    static final String ORGAN_ID = "^[0-9A-Za-z]+(\\.[0-9A-Za-z]+)+$";

    /** False: this gateway takes nothing in from the axis (it still sends); e.g. while the local systems are down. */
    private boolean pollEnabled = true;
    /** Time between two polls of the axis ({@code getReceivedEdocList}); at least one second. */
    @NotNull
    private Duration pollInterval = Duration.ofSeconds(30);
    /** The local document systems, each receiving for one or more organ codes of {@code organ-ids}. */
    @Valid
    @NotNull
    private List<LocalSystem> localSystems = new ArrayList<>();

    public boolean isPollEnabled() { return pollEnabled; }
    public void setPollEnabled(boolean pollEnabled) { this.pollEnabled = pollEnabled; }
    public Duration getPollInterval() { return pollInterval; }
    public void setPollInterval(Duration pollInterval) { this.pollInterval = pollInterval; }
    public List<LocalSystem> getLocalSystems() { return localSystems; }
    public void setLocalSystems(List<LocalSystem> localSystems) { this.localSystems = localSystems; }

    @AssertTrue(message = "lienthong.vdxp.poll-interval must be between 1 second and 1 day")
    public boolean isPollIntervalSensible() {
        return pollInterval == null
                || pollInterval.compareTo(Duration.ofSeconds(1)) >= 0 && pollInterval.compareTo(Duration.ofDays(1)) <= 0;
    }

    /**
     * One local document system: the organ codes it receives for and its base URL; the gateway posts to
     * {@code {url}/{organId}/documents} and {@code {url}/{organId}/status} (docs/vdxp-adapter.md).
     */
    public static class LocalSystem {

        /** The organ codes whose incoming documents and status messages this system takes. */
        @NotEmpty
        private List<@NotNull @Pattern(regexp = ORGAN_ID, message = "must be an organ code such as 000.00.17.H56")
                String> organIds = new ArrayList<>();
        /**
         * Base URL ({@code https://…}); in the sandbox a path alone ({@code /sim/local}) means this gateway's own
         * HTTP port.
         */
        @NotNull
        @Pattern(regexp = "(https?://[\\x21-\\x7E]{1,2000})|(/[A-Za-z0-9._~/-]{0,200})",
                message = "must be an http(s) URL, or in the sandbox a path such as /sim/local")
        private String url;
        /** Sent as header {@code X-API-Key} when set; never logged. */
        @Pattern(regexp = "[\\x21-\\x7E]{16,1024}", message = "must be 16 to 1024 printable ASCII characters")
        private String apiKey;
        @NotNull
        private Duration connectTimeout = Duration.ofSeconds(5);
        /** Time for one delivery to be answered; a document with 10 MB attachments must fit in it. */
        @NotNull
        private Duration requestTimeout = Duration.ofSeconds(60);

        public List<String> getOrganIds() { return organIds; }
        public void setOrganIds(List<String> organIds) { this.organIds = organIds; }
        public String getUrl() { return url; }
        public void setUrl(String url) { this.url = url; }
        public String getApiKey() { return apiKey; }
        public void setApiKey(String apiKey) { this.apiKey = apiKey; }
        public Duration getConnectTimeout() { return connectTimeout; }
        public void setConnectTimeout(Duration connectTimeout) { this.connectTimeout = connectTimeout; }
        public Duration getRequestTimeout() { return requestTimeout; }
        public void setRequestTimeout(Duration requestTimeout) { this.requestTimeout = requestTimeout; }

        @AssertTrue(message = "connect-timeout and request-timeout of a local system must be positive")
        public boolean isTimeoutsPositive() {
            return connectTimeout == null || requestTimeout == null
                    || !connectTimeout.isNegative() && !connectTimeout.isZero() && !requestTimeout.isNegative()
                    && !requestTimeout.isZero();
        }

        /** Keeps the API key out of any log line or error page that prints the settings. */
        @Override
        public String toString() {
            return "LocalSystem[organIds=" + organIds + ", url=" + url + ", apiKey=" + (apiKey == null ? "none" : "***")
                    + "]";
        }
    }
}
