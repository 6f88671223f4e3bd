package vn.lienthong.gateway.simulator;

import java.nio.file.Path;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Profile;
import org.springframework.validation.annotation.Validated;

/**
 * The sandbox timestamping authority's settings under {@code lienthong.simulator.tsa}: its key (PKCS#12, relative to
 * lienthong.home) and the one policy it stamps under.
 */
@Validated
@Profile("sandbox")
@ConfigurationProperties(prefix = "lienthong.simulator.tsa")
record TsaSimulatorProperties(
        @NotNull @DefaultValue("certs-sample/tsa.p12") Path keystore,
        @NotNull @DefaultValue("sandbox") String password,
        @NotBlank @Pattern(regexp = "[0-2](\\.(0|[1-9][0-9]*))+") @DefaultValue("2.999.3161.1") String policyOid) {

    @Override
    public String toString() {
        return "TsaSimulatorProperties[keystore=" + keystore + ", password=****, policyOid=" + policyOid + "]";
    }
}
