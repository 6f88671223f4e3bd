package vn.lienthong.gateway.simulator;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Profile;
import org.springframework.validation.annotation.Validated;

/**
 * The DVCQG simulator's settings under {@code lienthong.simulator.dvcqg}: the one account it accepts, how long a session
 * lasts, the roots it trusts for request signatures (relative to lienthong.home) and whether it requires one.
 */
@Validated
@Profile("sandbox")
@ConfigurationProperties(prefix = "lienthong.simulator.dvcqg")
record DvcqgSimulatorProperties(
        @NotBlank @DefaultValue("sandbox-dvcqg") String username,
        @NotBlank @DefaultValue("sandbox-dvcqg-secret") String password,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("30m") Duration sessionTtl,
        @NotNull @DefaultValue("certs-sample/trust-anchors.pem") Path payloadSignatureTrustAnchors,
        @DefaultValue("false") boolean requirePayloadSignature) {

    @Override
    public String toString() {
        return "DvcqgSimulatorProperties[username=" + username + ", password=****, sessionTtl=" + sessionTtl
                + ", payloadSignatureTrustAnchors=" + payloadSignatureTrustAnchors + ", requirePayloadSignature="
                + requirePayloadSignature + "]";
    }
}
