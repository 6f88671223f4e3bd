package vn.lienthong.gateway.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.gateway.signature.SamplePki.EXPIRED;
import static vn.lienthong.gateway.signature.SamplePki.GOOD_EC;
import static vn.lienthong.gateway.signature.SamplePki.GOOD_RSA;
import static vn.lienthong.gateway.signature.SamplePki.REVOKED;
import static vn.lienthong.gateway.signature.SamplePki.SAMPLE_CRLS;
import static vn.lienthong.gateway.signature.SamplePki.WEAK;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.sun.management.ThreadMXBean;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each verdict of a CMS signature, from signatures made with the keys of {@code certs-sample/}: valid ones in every
 * encoding, and each attack with the exact verdict and reason it must get.
 */
class CmsSignatureVerifierTest {

    private static final byte[] CONTENT = "Công văn số 57/UBND-TP về việc liên thông".getBytes(StandardCharsets.UTF_8);

    private final CmsSignatureVerifier verifier = SamplePki.verifier(SAMPLE_CRLS);

    @TempDir
    Path dir;

    @Test
    void detachedSignatureOfAGoodAgencyIsValidWithItsSignerDetails() {
        VerificationReport report = verifier.verifyDetached(CONTENT, SamplePki.signer(GOOD_EC).detached(CONTENT));

        assertThat(report.verdict()).isEqualTo(Verdict.Status.VALID);
        assertThat(report.reason()).isNull();
        assertThat(report.signatures()).singleElement().isInstanceOfSatisfying(Verdict.Valid.class, v -> {
            SignerDetails signer = v.signer();
            assertThat(signer.subject()).isEqualTo("CN=SAMPLE UBND xa Hai Truong,OU=000.00.17.H56,O=SAMPLE,C=VN");
            assertThat(signer.organId()).isEqualTo("000.00.17.H56");
            assertThat(signer.serial()).isEqualTo(SamplePki.certificate(GOOD_EC).getSerialNumber().toString(16)
                    .toUpperCase());
            assertThat(signer.issuer()).isEqualTo("CN=SAMPLE Government CA,O=SAMPLE Government,C=VN");
            assertThat(signer.chain()).containsExactly(signer.subject(), signer.issuer(),
                    "CN=SAMPLE Root CA,O=SAMPLE Lien thong Gateway,C=VN");
            assertThat(signer.algorithm()).isEqualTo("SHA256withECDSA");
            assertThat(signer.signedAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());
            assertThat(v.validatedAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());
        });
    }

    @Test
    void envelopingSignatureIsValidAsDerPemAndBase64() {
        byte[] der = SamplePki.signer(GOOD_RSA).enveloping(CONTENT);
        String base64 = Base64.getMimeEncoder().encodeToString(der);
        byte[] pem = ("-----BEGIN PKCS7-----\n" + base64 + "\n-----END PKCS7-----\n").getBytes(StandardCharsets.US_ASCII);

        for (byte[] form : List.of(der, pem, base64.getBytes(StandardCharsets.US_ASCII))) {
            VerificationReport report = verifier.verifyEnveloping(form);
            assertThat(report.verdict()).isEqualTo(Verdict.Status.VALID);
            assertThat(report.signatures().get(0).signer().organId()).isEqualTo("000.00.18.H56");
            assertThat(report.signatures().get(0).signer().algorithm()).isEqualTo("SHA256withRSA");
        }
    }

    @Test
    void changedContentIsInvalidWithDigestMismatch() {
        byte[] signature = SamplePki.signer(GOOD_EC).detached(CONTENT);
        byte[] changed = CONTENT.clone();
        changed[3] ^= 1;

        assertInvalid(verifier.verifyDetached(changed, signature), VerdictReason.DIGEST_MISMATCH);
    }

    @Test
    void signatureOfAnotherDocumentIsInvalidWithDigestMismatch() {
        byte[] signature = SamplePki.signer(GOOD_RSA).detached("another document".getBytes(StandardCharsets.UTF_8));

        assertInvalid(verifier.verifyDetached(CONTENT, signature), VerdictReason.DIGEST_MISMATCH);
    }

    @Test
    void alteredSignatureValueIsInvalidWithSignatureMismatch() {
        byte[] signature = SamplePki.signer(GOOD_RSA).detached(CONTENT);
        signature[signature.length - 5] ^= 1;

        assertInvalid(verifier.verifyDetached(CONTENT, signature), VerdictReason.SIGNATURE_MISMATCH);
    }

    @Test
    void revokedSignerIsInvalidEvenWhenItClaimsToHaveSignedBeforeTheRevocation() {
        CmsTestSigner revoked = SamplePki.signer(REVOKED);
        CmsTestSigner backDated = SamplePki.signer(REVOKED)
                .claimingSigningTime(Date.from(Instant.parse("2020-06-01T00:00:00Z")));

        assertInvalid(verifier.verifyDetached(CONTENT, revoked.detached(CONTENT)), VerdictReason.CERT_REVOKED);
        VerificationReport report = verifier.verifyDetached(CONTENT, backDated.detached(CONTENT));
        assertInvalid(report, VerdictReason.CERT_REVOKED);
        assertThat(report.signatures().get(0).signer().signedAt()).isEqualTo("2020-06-01T00:00:00Z");
        assertThat(report.detail()).contains("OU=000.00.19.H56", "KEY_COMPROMISE");
    }

    @Test
    void expiredSignerIsInvalidWithCertExpired() {
        assertInvalid(verifier.verifyDetached(CONTENT, SamplePki.signer(EXPIRED).detached(CONTENT)),
                VerdictReason.CERT_EXPIRED);
    }

    @Test
    void rsa1024SignerIsInvalidWithWeakKey() {
        assertInvalid(verifier.verifyDetached(CONTENT, SamplePki.signer(WEAK).detached(CONTENT)),
                VerdictReason.WEAK_KEY);
    }

    @Test
    void sha1DigestIsInvalidWithWeakAlgorithm() {
        assertInvalid(verifier.verifyDetached(CONTENT,
                SamplePki.signer(GOOD_EC).algorithm("SHA1withECDSA").detached(CONTENT)), VerdictReason.WEAK_ALGORITHM);
        assertInvalid(verifier.verifyDetached(CONTENT,
                SamplePki.signer(GOOD_RSA).algorithm("SHA1withRSA").detached(CONTENT)), VerdictReason.WEAK_ALGORITHM);
    }

    @Test
    void signerUnderAnUntrustedRootIsInvalidWithChainUntrusted() throws Exception {
        KeyPair rootKeys = SamplePki.keyPair("RSA");
        X500Name rootName = new X500Name("CN=Throwaway Root,O=Elsewhere,C=VN");
        var root = SamplePki.issue(rootName, rootKeys.getPrivate(), rootName.toString(), rootKeys.getPublic(), true,
                KeyUsage.keyCertSign | KeyUsage.cRLSign);
        KeyPair signerKeys = SamplePki.keyPair("EC");
        var signer = SamplePki.issue(rootName, rootKeys.getPrivate(), "CN=Impostor,OU=000.00.17.H56,O=SAMPLE,C=VN",
                signerKeys.getPublic(), false, KeyUsage.digitalSignature | KeyUsage.nonRepudiation);

        VerificationReport report = verifier.verifyDetached(CONTENT,
                new CmsTestSigner(signerKeys.getPrivate(), List.of(signer, root)).detached(CONTENT));

        assertInvalid(report, VerdictReason.CHAIN_UNTRUSTED);
        assertThat(report.signatures().get(0).signer().organId()).isEqualTo("000.00.17.H56");
    }

    @Test
    void certificateNotForSigningIsInvalidWithKeyUsageNotAllowed() throws Exception {
        KeyPair keys = SamplePki.keyPair("RSA");
        var encipherOnly = SamplePki.issue(
                X500Name.getInstance(SamplePki.certificate(SamplePki.INTERMEDIATE).getSubjectX500Principal().getEncoded()),
                SamplePki.key(SamplePki.INTERMEDIATE), "CN=SAMPLE Encipherment only,OU=000.00.17.H56,O=SAMPLE,C=VN",
                keys.getPublic(), false, KeyUsage.keyEncipherment);

        assertInvalid(verifier.verifyDetached(CONTENT, new CmsTestSigner(keys.getPrivate(),
                List.of(encipherOnly, SamplePki.certificate(SamplePki.INTERMEDIATE))).detached(CONTENT)),
                VerdictReason.KEY_USAGE_NOT_ALLOWED);
    }

    @Test
    void noCrlForTheIssuerIsIndeterminateWithRevocationUnknown() {
        CmsSignatureVerifier rootCrlOnly = SamplePki.verifier(List.of("certs-sample/root-ca.crl.pem"));

        VerificationReport report = rootCrlOnly.verifyDetached(CONTENT, SamplePki.signer(GOOD_EC).detached(CONTENT));

        assertThat(report.verdict()).isEqualTo(Verdict.Status.INDETERMINATE);
        assertThat(report.reason()).isEqualTo(VerdictReason.REVOCATION_UNKNOWN);
        assertThat(report.signatures()).singleElement().isInstanceOf(Verdict.Indeterminate.class);
    }

    @Test
    void crlPastItsNextUpdateIsIndeterminateWithRevocationUnknown() throws Exception {
        Instant now = Instant.now();
        Path expired = Files.write(dir.resolve("expired.crl"),
                SamplePki.intermediateCrl(now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(3))).getEncoded());
        CmsSignatureVerifier stale = SamplePki.verifier(List.of(expired.toString(), "certs-sample/root-ca.crl.pem"));

        VerificationReport report = stale.verifyDetached(CONTENT, SamplePki.signer(GOOD_RSA).detached(CONTENT));

        assertThat(report.verdict()).isEqualTo(Verdict.Status.INDETERMINATE);
        assertThat(report.reason()).isEqualTo(VerdictReason.REVOCATION_UNKNOWN);
    }

    @Test
    void crlFileReplacedWhileRunningIsReadAgain() throws Exception {
        Instant now = Instant.now();
        Path crl = Files.write(dir.resolve("gov.crl"),
                SamplePki.intermediateCrl(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(7))).getEncoded());
        CmsSignatureVerifier live = SamplePki.verifier(List.of(crl.toString(), "certs-sample/root-ca.crl.pem"));
        byte[] signature = SamplePki.signer(GOOD_RSA).detached(CONTENT);
        assertThat(live.verifyDetached(CONTENT, signature).verdict()).isEqualTo(Verdict.Status.VALID);

        Files.write(crl, SamplePki.intermediateCrl(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(7)),
                SamplePki.certificate(GOOD_RSA)).getEncoded());
        Files.setLastModifiedTime(crl, java.nio.file.attribute.FileTime.from(now.plusSeconds(5)));

        assertInvalid(live.verifyDetached(CONTENT, signature), VerdictReason.CERT_REVOKED);
    }

    @Test
    void signedDataWithoutSignersIsInvalidWithNoSigner() throws Exception {
        byte[] empty = new CMSSignedDataGenerator().generate(new CMSProcessableByteArray(CONTENT), true)
                .getEncoded(ASN1Encoding.DER);

        VerificationReport report = verifier.verifyEnveloping(empty);

        assertThat(report.verdict()).isEqualTo(Verdict.Status.INVALID);
        assertThat(report.reason()).isEqualTo(VerdictReason.NO_SIGNER);
        assertThat(report.signatures()).isEmpty();
    }

    @Test
    void signedAttributesWithoutContentTypeAreInvalid() {
        assertInvalid(verifier.verifyDetached(CONTENT, SamplePki.signer(GOOD_RSA).withoutContentType().detached(CONTENT)),
                VerdictReason.MISSING_SIGNED_ATTRIBUTE);
    }

    @Test
    void signatureWithoutTheSignersCertificateIsInvalid() {
        assertInvalid(verifier.verifyDetached(CONTENT, SamplePki.signer(GOOD_RSA).withoutCertificates().detached(CONTENT)),
                VerdictReason.SIGNER_CERT_MISSING);
    }

    @Test
    void missingIntermediateIsFoundAmongTheConfiguredIntermediates() {
        byte[] leafOnly = new CmsTestSigner(SamplePki.key(GOOD_EC), List.of(SamplePki.certificate(GOOD_EC)))
                .detached(CONTENT);

        assertInvalid(verifier.verifyDetached(CONTENT, leafOnly), VerdictReason.CHAIN_UNTRUSTED);
        assertThat(SamplePki.verifier(SAMPLE_CRLS, List.of(SamplePki.DIR.resolve("ca-chain.pem")))
                .verifyDetached(CONTENT, leafOnly).verdict()).isEqualTo(Verdict.Status.VALID);
    }

    @Test
    void detachedSignatureGivenAsEnvelopingIsInvalidWithContentMissing() {
        VerificationReport report = verifier.verifyEnveloping(SamplePki.signer(GOOD_EC).detached(CONTENT));

        assertThat(report.verdict()).isEqualTo(Verdict.Status.INVALID);
        assertThat(report.reason()).isEqualTo(VerdictReason.CONTENT_MISSING);
    }

    @Test
    void oneBadSignerOfTwoMakesTheWholeInvalidAndEachIsReported() {
        byte[] both = CmsTestSigner.sign(CONTENT, false, List.of(SamplePki.signer(GOOD_EC), SamplePki.signer(REVOKED)));

        VerificationReport report = verifier.verifyDetached(CONTENT, both);

        assertThat(report.verdict()).isEqualTo(Verdict.Status.INVALID);
        assertThat(report.reason()).isEqualTo(VerdictReason.CERT_REVOKED);
        assertThat(report.signatures()).extracting(Verdict::status)
                .containsExactlyInAnyOrder(Verdict.Status.VALID, Verdict.Status.INVALID);
    }

    @Test
    void malformedInputIsInvalidWithMalformedAndNeverThrows() {
        byte[] good = SamplePki.signer(GOOD_RSA).detached(CONTENT);
        byte[] truncated = java.util.Arrays.copyOf(good, good.length / 2);
        byte[] nested = new byte[2_000_000];
        for (int i = 0; i < nested.length; i += 2) {
            nested[i] = 0x30;
            nested[i + 1] = (byte) 0x80;
        }
        byte[] hugeLength = {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x06, 0x01};

        for (byte[] bad : List.of(truncated, nested, hugeLength, "not a signature".getBytes(StandardCharsets.UTF_8),
                new byte[0], "-----BEGIN PKCS7-----\n!!!\n-----END PKCS7-----".getBytes(StandardCharsets.US_ASCII))) {
            VerificationReport report = verifier.verifyDetached(CONTENT, bad);
            assertThat(report.verdict()).isEqualTo(Verdict.Status.INVALID);
            assertThat(report.reason()).isEqualTo(VerdictReason.MALFORMED);
            assertThat(verifier.verifyEnveloping(bad).reason()).isEqualTo(VerdictReason.MALFORMED);
        }
    }

    /**
     * Lengths that claim gigabytes, a megabyte of nested indefinite-length sequences, and a long run of tiny elements:
     * each is MALFORMED after allocating a bounded multiple of its own size, not what its lengths claim.
     */
    @Test
    void malformedAsn1IsRefusedWithMemoryBoundedByItsOwnSize() {
        byte[] claimsTwoGigabytes = {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x02, 0x01, 0x01};
        byte[] nested = new byte[1 << 20];
        for (int i = 0; i < nested.length; i += 2) {
            nested[i] = 0x30;
            nested[i + 1] = (byte) 0x80;
        }
        byte[] manyElements = new byte[1 << 20];
        manyElements[0] = 0x30;
        manyElements[1] = (byte) 0x83;
        manyElements[2] = 0x0f;
        manyElements[3] = (byte) 0xff;
        manyElements[4] = (byte) 0xfc;
        for (int i = 5; i + 1 < manyElements.length; i += 2) {
            manyElements[i] = 0x05;
        }
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();

        for (byte[] bad : List.of(claimsTwoGigabytes, nested, manyElements)) {
            long before = threads.getThreadAllocatedBytes(thread);
            VerificationReport detached = verifier.verifyDetached(CONTENT, bad);
            VerificationReport enveloping = verifier.verifyEnveloping(bad);
            long allocated = threads.getThreadAllocatedBytes(thread) - before;

            assertThat(detached.reason()).isEqualTo(VerdictReason.MALFORMED);
            assertThat(enveloping.reason()).isEqualTo(VerdictReason.MALFORMED);
            assertThat(allocated).as("bytes allocated for %,d bytes of input", bad.length)
                    .isLessThan(16L * 1024 * 1024 + 64L * bad.length);
        }
    }

    private static void assertInvalid(VerificationReport report, VerdictReason reason) {
        assertThat(report.verdict()).as(report.detail()).isEqualTo(Verdict.Status.INVALID);
        assertThat(report.reason()).as(report.detail()).isEqualTo(reason);
        assertThat(report.signatures()).isNotEmpty().allSatisfy(v -> assertThat(v).isNotInstanceOf(Verdict.Valid.class));
    }
}
