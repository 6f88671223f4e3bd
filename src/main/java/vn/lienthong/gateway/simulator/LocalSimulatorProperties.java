package vn.lienthong.gateway.simulator;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Profile;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** The local-systems simulator's settings under {@code lienthong.simulator.local}: the largest delivery it takes. */
@Validated
@Profile("sandbox")
@ConfigurationProperties(prefix = "lienthong.simulator.local")
record LocalSimulatorProperties(@NotNull @DefaultValue("100MB") DataSize maxBodySize) {
}
