package vn.lienthong.gateway.simulator;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Profile;
import org.springframework.validation.annotation.Validated;

/**
 * The LGSP simulator's settings under {@code lienthong.simulator.lgsp}: the one OAuth2 client it knows and how long the
 * tokens it issues live.
 */
@Validated
@Profile("sandbox")
@ConfigurationProperties(prefix = "lienthong.simulator.lgsp")
record LgspSimulatorProperties(
        @NotBlank @DefaultValue("sandbox-lgsp") String clientId,
        @NotBlank @DefaultValue("sandbox-lgsp-secret") String clientSecret,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("1h") Duration tokenLifetime) {

    @Override
    public String toString() {
        return "LgspSimulatorProperties[clientId=" + clientId + ", clientSecret=****, tokenLifetime=" + tokenLifetime
                + "]";
    }
}
