package vn.lienthong.gateway.lgsp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where and as which OAuth2 client the gateway reaches the provincial data-sharing platform (LGSP), under
 * {@code lienthong.lgsp}; the account is required only when a routing rule sends dossiers there.
 */
@Validated
@ConfigurationProperties(prefix = "lienthong.lgsp")
public class LgspProperties {

    /** How the client proves itself at the token endpoint (RFC 6749 §2.3.1). */
    public enum ClientAuthentication {
        /** {@code Authorization: Basic} with the form-encoded client id and secret ({@code client_secret_basic}). */
        BASIC,
        /** {@code client_id} and {@code client_secret} in the form body ({@code client_secret_post}). */
        FORM
    }

    /** Base URL of the services ({@code …/Document/SyncDocument}); empty in the sandbox means the built-in simulator. */
    private String baseUrl = "";
    /** The token endpoint; empty means {@code {base-url}/token}. */
    private String tokenUrl = "";
    @Pattern(regexp = "/[A-Za-z0-9._~/-]*", message = "must be a path starting with /")
    private String syncDocumentPath = "/Document/SyncDocument";
    @Pattern(regexp = "/[A-Za-z0-9._~/-]*", message = "must be a path starting with /")
    private String updateTracesPath = "/Document/UpdateDocumentTraces";
    private String clientId = "";
    private String clientSecret = "";
    @NotNull
    private ClientAuthentication clientAuthentication = ClientAuthentication.BASIC;
    /** The scope asked for with every token; empty asks for none. */
    @Pattern(regexp = "[\\x21\\x23-\\x5B\\x5D-\\x7E ]*", message = "must be scope tokens separated by spaces")
    private String scope = "";
    @NotNull
    private Duration connectTimeout = Duration.ofSeconds(5);
    @NotNull
    private Duration requestTimeout = Duration.ofSeconds(30);
    /** How long before its expiry a token is renewed (at most half its lifetime). */
    @NotNull
    private Duration tokenRenewalMargin = Duration.ofSeconds(60);
    /** How long a token is taken to live when the token endpoint does not say ({@code expires_in}). */
    @NotNull
    @DurationMin(seconds = 1)
    private Duration defaultTokenLifetime = Duration.ofMinutes(5);
    /** {@code ErrorCode} values of a service reply that mean the token was refused (as HTTP 401 always does). */
    @NotEmpty
    private List<String> tokenErrorCodes = new ArrayList<>(List.of("100"));

    public String getBaseUrl() { return baseUrl; }
    public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
    public String getTokenUrl() { return tokenUrl; }
    public void setTokenUrl(String tokenUrl) { this.tokenUrl = tokenUrl; }
    public String getSyncDocumentPath() { return syncDocumentPath; }
    public void setSyncDocumentPath(String syncDocumentPath) { this.syncDocumentPath = syncDocumentPath; }
    public String getUpdateTracesPath() { return updateTracesPath; }
    public void setUpdateTracesPath(String updateTracesPath) { this.updateTracesPath = updateTracesPath; }
    public String getClientId() { return clientId; }
    public void setClientId(String clientId) { this.clientId = clientId; }
    public String getClientSecret() { return clientSecret; }
    public void setClientSecret(String clientSecret) { this.clientSecret = clientSecret; }
    public ClientAuthentication getClientAuthentication() { return clientAuthentication; }
    public void setClientAuthentication(ClientAuthentication clientAuthentication) {
        this.clientAuthentication = clientAuthentication;
    }
    public String getScope() { return scope; }
    public void setScope(String scope) { this.scope = scope; }
    public Duration getConnectTimeout() { return connectTimeout; }
    public void setConnectTimeout(Duration connectTimeout) { this.connectTimeout = connectTimeout; }
    public Duration getRequestTimeout() { return requestTimeout; }
    public void setRequestTimeout(Duration requestTimeout) { this.requestTimeout = requestTimeout; }
    public Duration getTokenRenewalMargin() { return tokenRenewalMargin; }
    public void setTokenRenewalMargin(Duration tokenRenewalMargin) { this.tokenRenewalMargin = tokenRenewalMargin; }
    public Duration getDefaultTokenLifetime() { return defaultTokenLifetime; }
    public void setDefaultTokenLifetime(Duration defaultTokenLifetime) {
        this.defaultTokenLifetime = defaultTokenLifetime;
    }
    public List<String> getTokenErrorCodes() { return tokenErrorCodes; }
    public void setTokenErrorCodes(List<String> tokenErrorCodes) { this.tokenErrorCodes = tokenErrorCodes; }

    @Override
    public String toString() {
        return "LgspProperties[baseUrl=" + baseUrl + ", tokenUrl=" + tokenUrl + ", clientId=" + clientId
                + ", clientSecret=(hidden), clientAuthentication=" + clientAuthentication + "]";
    }
}
