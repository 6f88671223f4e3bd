package vn.lienthong.gateway.signature;

import static org.assertj.core.api.Assertions.assertThat;

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

import vn.lienthong.gateway.RequiresTool;

/**
 * CMS both ways with {@code openssl cms}: signatures made by {@code openssl cms -sign} with the sample agency keys
 * verify VALID, detached and attached; the gateway's own CMS signatures verify with {@code openssl cms -verify
 * -crl_check_all} against the sample root and CRLs, and a revoked signer's do not.
 */
@RequiresTool(value = "openssl", probe = "version")
class OpensslCmsInteropTest {

    private final CmsSignatureVerifier verifier = SamplePki.verifier(SamplePki.SAMPLE_CRLS);

    @TempDir
    Path dir;
    private Path content;

    @BeforeEach
    void writeContent() throws IOException {
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

    @Test
    void gatewayDetachedSignatureVerifiesWithOpensslCheckingTheCrls() throws Exception {
        SigningIdentity gateway = XmlSignerTest.gatewayIdentity();
        Path signature = Files.write(dir.resolve("gateway.p7s"),
                new CmsSigner(gateway).signDetached(Files.readAllBytes(content)));

        ToolRun run = opensslVerify(signature, content);

        assertThat(run.succeeded()).as(run.output()).isTrue();
        assertThat(run.output()).contains("Verification successful");
    }

    @Test
    void gatewayDetachedSignatureOverAnotherFileFailsWithOpenssl() throws Exception {
        Path signature = Files.write(dir.resolve("gateway.p7s"),
                new CmsSigner(XmlSignerTest.gatewayIdentity()).signDetached(Files.readAllBytes(content)));
        Path other = Files.writeString(dir.resolve("other.txt"), "Quyết định số 13/QĐ-UBND\n", StandardCharsets.UTF_8);

        ToolRun run = opensslVerify(signature, other);

        assertThat(run.succeeded()).as(run.output()).isFalse();
        assertThat(run.output()).contains("content verify error");
    }

    /**
     * A signer whose certificate the sample CRL revokes: openssl refuses it because of the CRL, as the gateway does
     * (with {@code -purpose any}, since that sample certificate is a TLS client one).
     */
    @Test
    void signatureByARevokedKeyFailsWithOpensslCheckingTheCrls() throws Exception {
        SigningIdentity revoked = new SigningIdentity(SamplePki.key(SamplePki.REVOKED),
                List.of(SamplePki.certificate(SamplePki.REVOKED), SamplePki.certificate(SamplePki.INTERMEDIATE)));
        byte[] bytes = new CmsSigner(revoked).signDetached(Files.readAllBytes(content));
        Path signature = Files.write(dir.resolve("revoked.p7s"), bytes);

        ToolRun run = opensslVerify(signature, content, "-purpose", "any");

        assertThat(run.succeeded()).as(run.output()).isFalse();
        assertThat(run.output()).contains("certificate revoked");
        assertThat(verifier.verifyDetached(Files.readAllBytes(content), bytes).reason())
                .isEqualTo(VerdictReason.CERT_REVOKED);
    }

    /** {@code openssl cms -verify} as docs/signatures.md gives it: the sample root and both CRLs in one file. */
    private ToolRun opensslVerify(Path signature, Path signedContent, String... options) throws Exception {
        Path trustAndCrls = dir.resolve("trust-and-crls.pem");
        Files.writeString(trustAndCrls, Files.readString(SamplePki.DIR.resolve("trust-anchors.pem"))
                + Files.readString(SamplePki.DIR.resolve("sample-gov-ca.crl.pem"))
                + Files.readString(SamplePki.DIR.resolve("root-ca.crl.pem")));
        List<String> command = new ArrayList<>(List.of("openssl", "cms", "-verify", "-binary", "-inform", "DER",
                "-in", signature.toString(), "-content", signedContent.toString(), "-CAfile", trustAndCrls.toString(),
                "-crl_check_all", "-out", dir.resolve("verified.out").toString()));
        command.addAll(List.of(options));
        return ToolRun.run(dir, command);
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

}
