package vn.lienthong.gateway.dvcqg;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import vn.lienthong.gateway.signature.PayloadSignature;

/** Where and as whom the gateway reaches the national public service portal (DVCQG). */
@Validated
@ConfigurationProperties(prefix = "lienthong.dvcqg")
public class DvcqgProperties {

    /** Base URL of the platform; empty in the sandbox means the built-in simulator on this gateway's port. */
    private String baseUrl = "";
    @NotBlank
    private String username;
    @NotBlank
    private String password;
    /** The province's unit code sent as {@code madonvi}. */
    @NotBlank
    private String unitCode;
    @NotNull
    private Duration connectTimeout = Duration.ofSeconds(5);
    @NotNull
    private Duration requestTimeout = Duration.ofSeconds(30);
    /** {@code error_code} values by which the platform says the session is no longer valid. */
    @NotEmpty
    private List<String> sessionErrorCodes = List.of("-2");
    /** {@code cms-detached}: every service request carries a detached CMS signature of its body by the gateway key. */
    @NotNull
    private PayloadSignature payloadSignature = PayloadSignature.NONE;

    public String getBaseUrl() { return baseUrl; }
    public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getUnitCode() { return unitCode; }
    public void setUnitCode(String unitCode) { this.unitCode = unitCode; }
    public Duration getConnectTimeout() { return connectTimeout; }
    public void setConnectTimeout(Duration connectTimeout) { this.connectTimeout = connectTimeout; }
    public Duration getRequestTimeout() { return requestTimeout; }
    public void setRequestTimeout(Duration requestTimeout) { this.requestTimeout = requestTimeout; }
    public List<String> getSessionErrorCodes() { return sessionErrorCodes; }
    public void setSessionErrorCodes(List<String> sessionErrorCodes) { this.sessionErrorCodes = sessionErrorCodes; }
    public PayloadSignature getPayloadSignature() { return payloadSignature; }
    public void setPayloadSignature(PayloadSignature payloadSignature) { this.payloadSignature = payloadSignature; }
}
