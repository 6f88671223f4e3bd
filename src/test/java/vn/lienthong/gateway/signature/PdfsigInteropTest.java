package vn.lienthong.gateway.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.gateway.RequiresTool;

/**
 * A signature made by another tool, poppler's {@code pdfsig}, with its own incremental update: added to a PDF that
 * PDFBox signed before, both signatures verify VALID (the first is not taken for changed by the second's revision),
 * and the second is found although {@code pdfsig} leaves its field out of the form's {@code /Fields}.
 */
@RequiresTool(value = "pdfsig", probe = "-v")
@RequiresTool(value = "certutil", probe = "")
@RequiresTool(value = "pk12util", probe = "")
@RequiresTool(value = "openssl", probe = "version")
class PdfsigInteropTest {

    private static final String NICKNAME = "sample-signer";

    private final PdfSignatureVerifier verifier = new PdfSignatureVerifier(SamplePki.verifier(SamplePki.SAMPLE_CRLS),
            Clock.systemUTC());

    @TempDir
    Path dir;

    @Test
    void signatureAddedByPdfsigToAPdfSignedBeforeLeavesBothValid() throws Exception {
        Path nss = nssDatabaseWith(SamplePki.GOOD_RSA);
        Path signedOnce = Files.write(dir.resolve("signed-once.pdf"),
                PdfTestSigner.of(SamplePki.GOOD_EC).sign(PdfTestSigner.document(30_000)));
        Path signedTwice = dir.resolve("signed-twice.pdf");

        run("pdfsig", "-add-signature", "-nssdir", "sql:" + nss, "-nick", NICKNAME, "-new-signature-field-name",
                "ChuKy2", signedOnce.toString(), signedTwice.toString());
        VerificationReport report = verifier.verify(Files.readAllBytes(signedTwice));

        assertThat(report.verdict()).as(report.detail()).isEqualTo(Verdict.Status.VALID);
        assertThat(report.signatures()).extracting(v -> v.signer().organId())
                .containsExactly("000.00.17.H56", "000.00.18.H56");
    }

    /**
     * An NSS database holding the sample signer's key and certificate with the sample intermediate. An RSA signer:
     * pdfsig 22 reserves room for a signature of the length of a trial one, which an ECDSA value may exceed by a byte.
     */
    private Path nssDatabaseWith(String signer) throws Exception {
        Path nss = Files.createDirectory(dir.resolve("nss"));
        Path p12 = dir.resolve("signer.p12");
        run("openssl", "pkcs12", "-export", "-inkey", SamplePki.DIR.resolve(signer + ".key.pem").toString(),
                "-in", SamplePki.DIR.resolve(signer + ".pem").toString(),
                "-certfile", SamplePki.DIR.resolve("sample-gov-ca.pem").toString(), "-name", NICKNAME,
                "-passout", "pass:sandbox", "-out", p12.toString());
        run("certutil", "-N", "-d", "sql:" + nss, "--empty-password");
        run("pk12util", "-i", p12.toString(), "-d", "sql:" + nss, "-W", "sandbox");
        return nss;
    }

    private void run(String... command) throws Exception {
        Path log = dir.resolve(command[0] + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(log)).isZero();
    }
}
