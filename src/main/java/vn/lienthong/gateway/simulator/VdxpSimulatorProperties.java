package vn.lienthong.gateway.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Profile;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The VDXP simulator's settings under {@code lienthong.simulator.vdxp}: the systems it knows (id, secret, organ codes),
 * the clock skew it allows, the largest edXML it takes, how much it keeps, and the trust anchors of edXML signatures.
 */
@Validated
@Profile("sandbox")
@ConfigurationProperties(prefix = "lienthong.simulator.vdxp")
record VdxpSimulatorProperties(
        @NotNull @Valid @DefaultValue List<VdxpSystem> systems,
        @NotNull @DurationMin(seconds = 1) @DurationMax(hours = 24) @DefaultValue("5m") Duration clockSkew,
        @NotNull @DefaultValue("64MB") DataSize maxEdocSize,
        @NotNull @DefaultValue("128MB") DataSize maxRetainedSize,
        @NotNull @DefaultValue("certs-sample/trust-anchors.pem") Path trustAnchors) {

    static final String ORGAN_ID = "[0-9A-Za-z]+(\\.[0-9A-Za-z]+)+";

    /** One system connected to the axis: its id, its HMAC secret and the organ codes it sends and receives for. */
    record VdxpSystem(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[\\x21-\\x7E]+") String systemId,
            @NotBlank @Size(min = 16, max = 200) String secret,
            @NotEmpty List<@Pattern(regexp = ORGAN_ID) @Size(max = 40) String> organIds) {

        @Override
        public String toString() {
            return "VdxpSystem[systemId=" + systemId + ", secret=****, organIds=" + organIds + "]";
        }
    }
}
