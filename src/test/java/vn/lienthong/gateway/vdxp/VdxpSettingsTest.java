package vn.lienthong.gateway.vdxp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The {@code lienthong.vdxp.*} settings: defaults, binding, and a bad one stops start-up naming it. */
class VdxpSettingsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(BindVdxp.class);

    @Test
    void defaultsToTwentyAttachmentsOfTenMegabytes() {
        context.run(started -> {
            EdxmlLimits limits = EdxmlLimits.of(started.getBean(VdxpProperties.class));
            assertThat(limits.maxAttachments()).isEqualTo(20);
            assertThat(limits.maxAttachmentSize()).isEqualTo(10L << 20);
            assertThat(limits.maxEdxmlSize()).isEqualTo(64L << 20);
        });
    }

    @Test
    void bindsTheLimitsThatTheRulesAndTheParserApply() {
        context.withPropertyValues("lienthong.vdxp.max-attachments=2", "lienthong.vdxp.max-attachment-size=1KB",
                "lienthong.vdxp.max-edxml-size=1MB").run(started -> {
                    VdxpProperties settings = started.getBean(VdxpProperties.class);
                    EdocRules rules = EdocRules.of(settings);
                    EdocDocument document = Edocs.document(2000);
                    assertThat(rules.check(document)).extracting(EdocViolation::code)
                            .containsExactly("ATTACHMENT_TOO_LARGE");
                    assertThat(EdxmlLimits.of(settings).maxEdxmlSize()).isEqualTo(1L << 20);
                });
    }

    @Test
    void refusesAnAttachmentLimitTheFileLimitCannotHold() {
        context.withPropertyValues("lienthong.vdxp.max-attachment-size=60MB", "lienthong.vdxp.max-edxml-size=64MB")
                .run(started -> assertThat(started).getFailure().rootCause()
                        .hasMessageContaining("lienthong.vdxp.max-attachment-size"));
        context.withPropertyValues("lienthong.vdxp.max-attachments=0")
                .run(started -> assertThat(started).getFailure().rootCause()
                        .hasMessageContaining("maxAttachments"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(VdxpProperties.class)
    static class BindVdxp {
    }
}
