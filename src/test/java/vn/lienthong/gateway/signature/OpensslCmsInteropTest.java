package vn.lienthong.gateway.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signatures made by {@code openssl cms -sign} with the sample agency keys verify VALID, detached and attached. */
class OpensslCmsInteropTest {

    private final CmsSignatureVerifier verifier = SamplePki.verifier(SamplePki.SAMPLE_CRLS);

    @TempDir
    Path dir;
    private Path content;

    @BeforeEach
    void writeContent() throws IOException {
        assumeThat(opensslAvailable()).as("openssl is not installed here; the interop check is skipped").isTrue();
        content = Files.writeString(dir.resolve("van-ban.txt"), "Quyết định số 12/QĐ-UBND\n", StandardCharsets.UTF_8);
    }

    @Test
    void detachedDerSignatureByOpensslIsValid() throws Exception {
        Path signature = openssl(SamplePki.GOOD_RSA, "DER", true);

        VerificationReport report = verifier.verifyDetached(Files.readAllBytes(content), Files.readAllBytes(signature));

        assertThat(report.verdict()).as(report.detail()).isEqualTo(Verdict.Status.VALID);
        assertThat(report.signatures().get(0).signer().organId()).isEqualTo("000.00.18.H56");
    }

    @Test
    void attachedPemSignatureByOpensslIsValid() throws Exception {
        Path signature = openssl(SamplePki.GOOD_EC, "PEM", false);

        VerificationReport report = verifier.verifyEnveloping(Files.readAllBytes(signature));

        assertThat(Files.readString(signature)).startsWith("-----BEGIN CMS-----");
        assertThat(report.verdict()).as(report.detail()).isEqualTo(Verdict.Status.VALID);
        assertThat(report.signatures().get(0).signer().organId()).isEqualTo("000.00.17.H56");
    }

    @Test
    void detachedSignatureByOpensslOverAnotherFileIsInvalid() throws Exception {
        Path signature = openssl(SamplePki.GOOD_RSA, "DER", true);

        VerificationReport report = verifier.verifyDetached("Quyết định số 13/QĐ-UBND\n".getBytes(StandardCharsets.UTF_8),
                Files.readAllBytes(signature));

        assertThat(report.reason()).isEqualTo(VerdictReason.DIGEST_MISMATCH);
    }

    private Path openssl(String signer, String form, boolean detached) throws Exception {
        Path out = dir.resolve(signer + (detached ? ".p7s" : ".p7m"));
        List<String> command = new ArrayList<>(List.of("openssl", "cms", "-sign", "-binary", "-md", "sha256",
                "-in", content.toString(), "-signer", SamplePki.DIR.resolve(signer + ".pem").toString(),
                "-inkey", SamplePki.DIR.resolve(signer + ".key.pem").toString(),
                "-certfile", SamplePki.DIR.resolve("sample-gov-ca.pem").toString(), "-outform", form,
                "-out", out.toString()));
        if (!detached) {
            command.add("-nodetach");
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("openssl.log"))).isZero();
        return out;
    }

    private static boolean opensslAvailable() {
        try {
            Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
