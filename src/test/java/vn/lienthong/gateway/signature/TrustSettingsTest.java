package vn.lienthong.gateway.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The {@code lienthong.trust.*} settings: bound, validated, and a bad one stops start-up naming it. */
class TrustSettingsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(BindTrust.class);

    @Test
    void bindsAnchorsCrlsAndTheirLimits() {
        context.withPropertyValues("lienthong.trust.anchors[0]=elsewhere/roots.pem",
                        "lienthong.trust.crls[0]=https://ca.example.vn/gov.crl", "lienthong.trust.crl-refresh=15m",
                        "lienthong.trust.crl-max-size=5MB")
                .run(started -> {
                    TrustProperties trust = started.getBean(TrustProperties.class);
                    assertThat(trust.getAnchors()).containsExactly(Path.of("elsewhere/roots.pem"));
                    assertThat(trust.getCrls()).containsExactly("https://ca.example.vn/gov.crl");
                    assertThat(trust.getCrlRefresh()).hasMinutes(15);
                    assertThat(trust.getCrlMaxSize().toMegabytes()).isEqualTo(5);
                });
    }

    @Test
    void refusesToStartWithoutTrustAnchors() {
        context.run(started -> assertThat(started).getFailure().rootCause()
                .hasMessageContaining("lienthong.trust").hasMessageContaining("anchors"));
    }

    @Test
    void namesTheAnchorFileThatIsMissingOrHoldsNoCertificate() {
        Path home = Path.of("").toAbsolutePath();

        assertThatThrownBy(() -> TrustAnchors.load(home, List.of(Path.of("certs-sample/no-such.pem")), List.of()))
                .hasMessageContaining("lienthong.trust.anchors[0]").hasMessageContaining("no-such.pem");
        assertThatThrownBy(() -> TrustAnchors.load(home, List.of(Path.of("certs-sample/trust-anchors.pem")),
                List.of(Path.of("certs-sample/root-ca.key.pem"))))
                .hasMessageContaining("lienthong.trust.intermediates[0]");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(TrustProperties.class)
    static class BindTrust {
    }
}
