package vn.lienthong.gateway.simulator;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Profile;
import org.springframework.validation.annotation.Validated;

/** The DVCQG simulator's settings under {@code lienthong.simulator.dvcqg}: the one account it accepts and how long a session lasts. */
@Validated
@Profile("sandbox")
@ConfigurationProperties(prefix = "lienthong.simulator.dvcqg")
record DvcqgSimulatorProperties(
        @NotBlank @DefaultValue("sandbox-dvcqg") String username,
        @NotBlank @DefaultValue("sandbox-dvcqg-secret") String password,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("30m") Duration sessionTtl) {

    @Override
    public String toString() {
        return "DvcqgSimulatorProperties[username=" + username + ", password=****, sessionTtl=" + sessionTtl + "]";
    }
}
