package vn.lienthong.gateway.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.gateway.signature.SamplePki.EXPIRED;
import static vn.lienthong.gateway.signature.SamplePki.GOOD_EC;
import static vn.lienthong.gateway.signature.SamplePki.GOOD_RSA;
import static vn.lienthong.gateway.signature.SamplePki.REVOKED;
import static vn.lienthong.gateway.signature.SamplePki.SAMPLE_CRLS;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

/**
 * Each verdict of a signed PDF, from documents signed with PDFBox and the keys of {@code certs-sample/}: valid ones,
 * several signatures, each change after signing with the reason it must get, and hostile files that must end as
 * {@code MALFORMED}.
 */
class PdfSignatureVerifierTest {

    private static final byte[] UNSIGNED = PdfTestSigner.document(20_000);

    private final PdfSignatureVerifier verifier = new PdfSignatureVerifier(SamplePki.verifier(SAMPLE_CRLS),
            Clock.systemUTC());

    @Test
    void signedPdfIsValidWithItsSignerDetails() {
        VerificationReport report = verifier.verify(PdfTestSigner.of(GOOD_RSA).sign(UNSIGNED));

        assertThat(report.verdict()).as(report.detail()).isEqualTo(Verdict.Status.VALID);
        assertThat(report.signatures()).singleElement().isInstanceOfSatisfying(Verdict.Valid.class, v -> {
            assertThat(v.signer().subject()).contains("OU=000.00.18.H56");
            assertThat(v.signer().organId()).isEqualTo("000.00.18.H56");
            assertThat(v.signer().chain()).hasSize(3);
            assertThat(v.signer().algorithm()).isEqualTo("SHA256withRSA");
            assertThat(v.signer().signedAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());
        });
    }

    @Test
    void cadesSubFilterIsVerifiedLikePkcs7Detached() {
        byte[] signed = PdfTestSigner.of(GOOD_EC).subFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED).sign(UNSIGNED);

        VerificationReport report = verifier.verify(signed);

        assertThat(report.verdict()).as(report.detail()).isEqualTo(Verdict.Status.VALID);
        assertThat(report.signatures().get(0).signer().algorithm()).isEqualTo("SHA256withECDSA");
    }

    @Test
    void eachOfTwoSignaturesIsReportedInTheOrderTheyWereMade() {
        byte[] once = PdfTestSigner.of(GOOD_EC).sign(UNSIGNED);
        byte[] twice = PdfTestSigner.of(GOOD_RSA).sign(once);

        VerificationReport report = verifier.verify(twice);

        assertThat(report.verdict()).as(report.detail()).isEqualTo(Verdict.Status.VALID);
        assertThat(report.signatures()).extracting(v -> v.signer().organId())
                .containsExactly("000.00.17.H56", "000.00.18.H56");
        assertThat(report.signatures()).allSatisfy(v -> assertThat(v).isInstanceOf(Verdict.Valid.class));
    }

    @Test
    void byteChangedInsideTheSignedRangeIsInvalidWithDigestMismatch() {
        byte[] signed = PdfTestSigner.of(GOOD_RSA).sign(UNSIGNED);
        byte[] changed = signed.clone();
        int at = PdfTestSigner.offsetOf(changed, "so 57/UBND") + 4;
        changed[at] = '8';

        assertInvalid(verifier.verify(changed), VerdictReason.DIGEST_MISMATCH);
    }

    @Test
    void pageChangedInALaterRevisionIsInvalidWithModifiedAfterSigning() {
        byte[] signed = PdfTestSigner.of(GOOD_RSA).sign(UNSIGNED);
        byte[] forged = PdfTestSigner.update(signed, PdfTestSigner::addTextToFirstPage);

        VerificationReport report = verifier.verify(forged);

        assertInvalid(report, VerdictReason.MODIFIED_AFTER_SIGNING);
        assertThat(report.detail()).startsWith("after the signed revision (bytes 0 to " + signed.length + " of "
                + forged.length + "), ").contains("a page changed (/Contents)");
        assertThat(report.signatures().get(0).signer().organId()).isEqualTo("000.00.18.H56");
    }

    @Test
    void signatureMadeAfterAChangeIsValidButTheEarlierOneIsModifiedAfterSigning() {
        byte[] signed = PdfTestSigner.of(GOOD_RSA).sign(UNSIGNED);
        byte[] changedThenSigned = PdfTestSigner.of(GOOD_EC).sign(
                PdfTestSigner.update(signed, PdfTestSigner::addTextToFirstPage));

        VerificationReport report = verifier.verify(changedThenSigned);

        assertInvalid(report, VerdictReason.MODIFIED_AFTER_SIGNING);
        assertThat(report.signatures()).extracting(Verdict::reason)
                .containsExactly(VerdictReason.MODIFIED_AFTER_SIGNING, null);
    }

    @Test
    void laterRevisionsAddingValidationDataOrDocumentInformationLeaveTheSignatureValid() {
        byte[] signed = PdfTestSigner.of(GOOD_RSA).sign(UNSIGNED);
        byte[] withDss = PdfTestSigner.update(signed, document -> {
            COSStream certificate = document.getDocument().createCOSStream();
            try (var out = certificate.createOutputStream()) {
                out.write(SamplePki.certificate(SamplePki.INTERMEDIATE).getEncoded());
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IOException(e);
            }
            COSDictionary dss = new COSDictionary();
            COSArray certificates = new COSArray();
            certificates.add(certificate);
            dss.setItem(COSName.getPDFName("Certs"), certificates);
            document.getDocumentCatalog().getCOSObject().setItem(COSName.DSS, dss);
            document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        });
        byte[] withInformation = PdfTestSigner.update(withDss, document -> {
            document.getDocumentInformation().setModificationDate(Calendar.getInstance());
            document.getDocumentInformation().setProducer("SAMPLE signing tool");
            document.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
        });

        VerificationReport report = verifier.verify(withInformation);

        assertThat(withInformation.length).isGreaterThan(withDss.length);
        assertThat(withDss.length).isGreaterThan(signed.length);
        assertThat(report.verdict()).as(report.detail()).isEqualTo(Verdict.Status.VALID);
    }

    @Test
    void fieldAddedLaterWithTheEarlierSignatureAsItsValueIsAChangeAfterSigning() {
        byte[] signed = PdfTestSigner.of(GOOD_RSA).sign(UNSIGNED);
        byte[] lent = PdfTestSigner.update(signed, document -> {
            PDPage page = document.getPage(0);
            COSDictionary field = new COSDictionary();
            field.setItem(COSName.TYPE, COSName.ANNOT);
            field.setItem(COSName.SUBTYPE, COSName.WIDGET);
            field.setItem(COSName.FT, COSName.SIG);
            field.setString(COSName.T, "Forged");
            field.setItem(COSName.V, document.getSignatureFields().get(0).getCOSObject().getItem(COSName.V));
            field.setItem(COSName.RECT, new PDRectangle(72, 600, 300, 100).getCOSArray());
            field.setItem(COSName.P, page.getCOSObject());
            page.getCOSObject().getCOSArray(COSName.ANNOTS).add(field);
            document.getDocumentCatalog().getAcroForm(null).getCOSObject().getCOSArray(COSName.FIELDS).add(field);
            page.getCOSObject().setNeedToBeUpdated(true);
            document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        });

        VerificationReport report = verifier.verify(lent);

        assertInvalid(report, VerdictReason.MODIFIED_AFTER_SIGNING);
        assertThat(report.detail()).contains("which is not a signed signature field");
        assertThat(report.signatures()).hasSize(1);
    }

    @Test
    void byteRangeNotCoveringTheWholeFileButTheGapIsInvalid() {
        byte[] signed = PdfTestSigner.of(GOOD_RSA).sign(UNSIGNED);
        long[] r = PdfTestSigner.byteRange(signed);

        for (long[] range : List.of(
                new long[] {0, r[1], r[2], r[3] - 7},
                new long[] {0, r[1] - 1, r[2], r[3]},
                new long[] {0, r[1], r[2] + 1, r[3] - 1},
                new long[] {1, r[1] - 1, r[2], r[3]},
                new long[] {0, r[1], r[2], r[3] + 1})) {
            VerificationReport report = verifier.verify(PdfTestSigner.withByteRange(signed, range));
            assertInvalid(report, VerdictReason.BYTE_RANGE_INVALID);
        }
    }

    @Test
    void revokedExpiredAndUntrustedSignersGetTheReasonsOfCms() throws Exception {
        KeyPair rootKeys = SamplePki.keyPair("RSA");
        X500Name rootName = new X500Name("CN=Throwaway Root,O=Elsewhere,C=VN");
        var root = SamplePki.issue(rootName, rootKeys.getPrivate(), rootName.toString(), rootKeys.getPublic(), true,
                KeyUsage.keyCertSign | KeyUsage.cRLSign);
        KeyPair impostorKeys = SamplePki.keyPair("EC");
        var impostor = SamplePki.issue(rootName, rootKeys.getPrivate(), "CN=Impostor,OU=000.00.17.H56,O=SAMPLE,C=VN",
                impostorKeys.getPublic(), false, KeyUsage.digitalSignature | KeyUsage.nonRepudiation);

        assertInvalid(verifier.verify(PdfTestSigner.of(REVOKED).sign(UNSIGNED)), VerdictReason.CERT_REVOKED);
        assertInvalid(verifier.verify(PdfTestSigner.of(EXPIRED).sign(UNSIGNED)), VerdictReason.CERT_EXPIRED);
        assertInvalid(verifier.verify(new PdfTestSigner(new CmsTestSigner(impostorKeys.getPrivate(),
                List.of(impostor, root))).sign(UNSIGNED)), VerdictReason.CHAIN_UNTRUSTED);
    }

    @Test
    void sha1AndUnknownSubFiltersAreRefusedWithTheirReason() {
        assertInvalid(verifier.verify(PdfTestSigner.of(GOOD_RSA).subFilter(PDSignature.SUBFILTER_ADBE_PKCS7_SHA1)
                .sign(UNSIGNED)), VerdictReason.WEAK_ALGORITHM);
        assertInvalid(verifier.verify(PdfTestSigner.of(GOOD_RSA).subFilter(COSName.getPDFName("ETSI.RFC3161"))
                .sign(UNSIGNED)), VerdictReason.TIMESTAMP_INVALID);
    }

    @Test
    void aDocumentTimeStampOverASignedPdfIsVerifiedWithItsAuthorityAsSigner() {
        byte[] signed = PdfTestSigner.of(GOOD_RSA).sign(UNSIGNED);

        VerificationReport report = verifier.verify(PdfTestSigner.timestamp(signed,
                TimestampAuthorities.sandboxResponder()));

        assertThat(report.verdict()).as(report.detail()).isEqualTo(Verdict.Status.VALID);
        assertThat(report.signatures()).hasSize(2);
        assertThat(report.signatures().get(1).signer().subject()).contains("SAMPLE");
        assertThat(report.signatures().get(1).signer().algorithm()).startsWith("RFC3161");
        assertThat(report.signatures().get(1).signer().signedAt()).isNotNull();
    }

    @Test
    void aDocumentTimeStampByAnUntrustedAuthorityOrChangedAfterwardsDoesNotHold() throws Exception {
        byte[] stranger = PdfTestSigner.timestamp(UNSIGNED,
                new TimestampResponder(TimestampAuthorities.untrusted(), "2.999.1", java.time.Clock.systemUTC()));
        assertInvalid(verifier.verify(stranger), VerdictReason.TIMESTAMP_INVALID);

        byte[] stamped = PdfTestSigner.timestamp(PdfTestSigner.of(GOOD_RSA).sign(UNSIGNED),
                TimestampAuthorities.sandboxResponder());
        assertThat(verifier.verify(stamped).verdict()).isEqualTo(Verdict.Status.VALID);
        assertInvalid(verifier.verify(PdfTestSigner.update(stamped, PdfTestSigner::addTextToFirstPage)),
                VerdictReason.MODIFIED_AFTER_SIGNING);
    }

    @Test
    void aPdfWithOnlyADocumentTimeStampHasNoSignerThoughTheTimeStampHolds() {
        byte[] stamped = PdfTestSigner.timestamp(UNSIGNED, TimestampAuthorities.sandboxResponder());

        VerificationReport report = verifier.verify(stamped);

        assertInvalid(report, VerdictReason.NO_SIGNER);
        assertThat(report.detail()).contains("only 1 document time-stamp(s)");
        assertThat(report.signatures()).singleElement().satisfies(stamp -> {
            assertThat(stamp.status()).isEqualTo(Verdict.Status.VALID);
            assertThat(stamp.signer().algorithm()).startsWith("RFC3161");
        });
    }

    @Test
    void certificationAllowingNoChangeIsModifiedAfterSigningByAnyLaterSignature() {
        byte[] certified = PdfTestSigner.of(GOOD_RSA).certifyingWithNoChangeAllowed().sign(UNSIGNED);

        assertThat(verifier.verify(certified).verdict()).isEqualTo(Verdict.Status.VALID);
        VerificationReport report = verifier.verify(PdfTestSigner.of(GOOD_EC).sign(certified));
        assertInvalid(report, VerdictReason.MODIFIED_AFTER_SIGNING);
        assertThat(report.detail()).contains("DocMDP P=1");
    }

    @Test
    void objectRewrittenWithTheSameValuesInAnotherNotationIsNoChange() {
        byte[] signed = PdfTestSigner.of(GOOD_RSA).sign(handWritten());
        byte[] rewritten = RawPdf.updating(signed)
                .object(2, "<<\n  /Count 1\n  /Kids [ 3 0 R ]\n  /Type /Pages\n>>")
                .object(5, "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>")
                .finish("/Root 1 0 R");
        byte[] realNumber = RawPdf.updating(signed)
                .object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1.0 >>")
                .finish("/Root 1 0 R");
        byte[] changed = RawPdf.updating(signed)
                .object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1.5 >>")
                .finish("/Root 1 0 R");

        assertThat(verifier.verify(rewritten).verdict()).isEqualTo(Verdict.Status.VALID);
        assertThat(verifier.verify(realNumber).verdict()).isEqualTo(Verdict.Status.VALID);
        VerificationReport report = verifier.verify(changed);
        assertInvalid(report, VerdictReason.MODIFIED_AFTER_SIGNING);
        assertThat(report.detail()).endsWith("object 2 0 (a /Pages dictionary) changed");
    }

    @Test
    void objectReferredToButUndefinedWhenSignedIsAChangeWhenALaterRevisionDefinesIt() {
        byte[] signed = PdfTestSigner.of(GOOD_RSA).sign(handWritten());
        byte[] forged = RawPdf.updating(signed)
                .stream(99, "/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources 6 0 R",
                        ascii("BT /F1 24 Tf 72 700 Td (DA THANH TOAN) Tj ET"))
                .finish("/Root 1 0 R");

        assertThat(verifier.verify(signed).verdict()).isEqualTo(Verdict.Status.VALID);
        VerificationReport report = verifier.verify(forged);
        assertInvalid(report, VerdictReason.MODIFIED_AFTER_SIGNING);
        assertThat(report.detail()).contains("object 99 0, referred to but undefined when signed, is defined later");
    }

    @Test
    void pdfWithoutSignatureIsInvalidWithNoSigner() {
        VerificationReport report = verifier.verify(UNSIGNED);

        assertThat(report.verdict()).isEqualTo(Verdict.Status.INVALID);
        assertThat(report.reason()).isEqualTo(VerdictReason.NO_SIGNER);
        assertThat(report.signatures()).isEmpty();
    }

    @Test
    void truncatedPdfAndGarbageAreMalformedAndNeverThrow() {
        byte[] signed = PdfTestSigner.of(GOOD_RSA).sign(UNSIGNED);
        byte[] garbage = new byte[100_000];
        new Random(7).nextBytes(garbage);

        for (byte[] bad : List.of(Arrays.copyOf(signed, signed.length / 2), Arrays.copyOf(signed, signed.length - 12),
                garbage, new byte[0], ascii("%PDF-1.7\n"), ascii("%PDF-1.7\ntrailer << /Root 1 0 R >>\n%%EOF"))) {
            VerificationReport report = verifier.verify(bad);
            assertThat(report.verdict()).isEqualTo(Verdict.Status.INVALID);
            assertThat(report.reason()).as(report.detail()).isEqualTo(VerdictReason.MALFORMED);
            assertThat(report.signatures()).isEmpty();
        }
    }

    @Test
    void crossReferenceStreamThatDecompressesBeyondTheBoundIsMalformed() throws Exception {
        RawPdf pdf = RawPdf.create();
        int xref = pdf.position();
        pdf.stream(1, "/Type /XRef /Size 3 /W [1 4 2] /Root 2 0 R /Filter /FlateDecode", deflatedSpaces(64 << 20));

        VerificationReport report = verifier.verify(pdf.endWithStartxref(xref));

        assertThat(report.reason()).isEqualTo(VerdictReason.MALFORMED);
        assertThat(report.detail()).contains("decompress to more than 32 MiB");
    }

    @Test
    void objectStreamThatDecompressesBeyondTheBoundIsMalformed() throws Exception {
        RawPdf pdf = RawPdf.create();
        byte[] catalog = ascii("2 0 << /Type /Catalog /Pages 4 0 R >>");
        int objectStream = pdf.position();
        pdf.stream(3, "/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", deflated(catalog, 64 << 20));
        int xref = pdf.position();
        ByteBuffer entries = ByteBuffer.allocate(4 * 7);
        entries.put((byte) 0).putInt(0).putShort((short) 0xffff);
        entries.put((byte) 1).putInt(xref).putShort((short) 0);
        entries.put((byte) 2).putInt(3).putShort((short) 0);
        entries.put((byte) 1).putInt(objectStream).putShort((short) 0);
        pdf.stream(1, "/Type /XRef /Size 4 /W [1 4 2] /Root 2 0 R", entries.array());

        VerificationReport report = verifier.verify(pdf.endWithStartxref(xref));

        assertThat(report.reason()).isEqualTo(VerdictReason.MALFORMED);
        assertThat(report.detail()).contains("decompress to more than 32 MiB");
    }

    @Test
    void objectStreamInflatedAgainForEachObjectItLacksIsBoundedAsWell() {
        int kids = 2_000;
        StringBuilder kidList = new StringBuilder();
        for (int i = 0; i < kids; i++) {
            kidList.append(10 + i).append(" 0 R ");
        }
        String catalog = "<< /Type /Catalog /Pages 2 0 R >> ";
        String objects = catalog + "<< /Type /Pages /Kids [" + kidList + "] /Count " + kids + " >>";
        String header = "1 0 2 " + catalog.length() + " ";
        byte[] data = new byte[header.length() + objects.length() + (1 << 20)];
        Arrays.fill(data, (byte) ' ');
        System.arraycopy(ascii(header + objects), 0, data, 0, header.length() + objects.length());
        RawPdf pdf = RawPdf.create();
        int objectStream = pdf.position();
        pdf.stream(3, "/Type /ObjStm /N 2 /First " + header.length() + " /Filter /FlateDecode", deflated(data));
        int xref = pdf.position();
        ByteBuffer entries = ByteBuffer.allocate((10 + kids) * 7);
        for (int number = 0; number < 10 + kids; number++) {
            if (number == 1 || number == 2 || number >= 10) {
                entries.put((byte) 2).putInt(3).putShort((short) (number < 10 ? number - 1 : number - 8));
            } else if (number == 3 || number == 4) {
                entries.put((byte) 1).putInt(number == 3 ? objectStream : xref).putShort((short) 0);
            } else {
                entries.put((byte) 0).putInt(0).putShort((short) (number == 0 ? 0xffff : 0));
            }
        }
        pdf.stream(4, "/Type /XRef /Size " + (10 + kids) + " /W [1 4 2] /Root 1 0 R", entries.array());

        VerificationReport report = verifier.verify(pdf.endWithStartxref(xref));

        assertThat(report.reason()).isEqualTo(VerdictReason.MALFORMED);
        assertThat(report.detail()).contains("decompress to more than 32 MiB");
    }

    @Test
    void objectsWrittenInsideOneAnotherCannotMakeTheParserReadTheFileOverAndOver() {
        int kids = 3_000;
        StringBuilder kidList = new StringBuilder();
        for (int i = 0; i < kids; i++) {
            kidList.append(10 + i).append(" 0 R ");
        }
        RawPdf pdf = RawPdf.create()
                .object(1, "<< /Type /Catalog /Pages 2 0 R >>")
                .object(2, "<< /Type /Pages /Kids [" + kidList + "] /Count " + kids + " >>");
        for (int i = 0; i < kids; i++) {
            pdf.openObject(10 + i, "(page " + i + " ");
        }
        byte[] nested = pdf.raw(")".repeat(kids) + "\nendobj\n").finish("/Root 1 0 R");

        VerificationReport report = verifier.verify(nested);

        assertThat(report.reason()).isEqualTo(VerdictReason.MALFORMED);
        assertThat(report.detail()).contains("reading its objects takes more than 16 times the length of the file");
    }

    /** A one-page PDF written by hand whose resources name an XObject, object 99, that the file does not define. */
    private static byte[] handWritten() {
        return RawPdf.create()
                .object(1, "<< /Type /Catalog /Pages 2 0 R >>")
                .object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
                .object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources 6 0 R /Contents 4 0 R >>")
                .stream(4, "", ascii("BT /F1 12 Tf 72 770 Td (Cong van so 57) Tj ET /X1 Do"))
                .object(5, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
                .object(6, "<< /Font << /F1 5 0 R >> /XObject << /X1 99 0 R >> >>")
                .finish("/Root 1 0 R");
    }

    private static byte[] deflatedSpaces(int size) throws IOException {
        return deflated(new byte[0], size);
    }

    private static byte[] deflated(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out)) {
            deflater.write(data);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** The prefix, then {@code padding} spaces, deflated. */
    private static byte[] deflated(byte[] prefix, int padding) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out, new Deflater(9))) {
            deflater.write(prefix);
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) ' ');
            for (int written = 0; written < padding; written += chunk.length) {
                deflater.write(chunk);
            }
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static void assertInvalid(VerificationReport report, VerdictReason reason) {
        assertThat(report.verdict()).as(report.detail()).isEqualTo(Verdict.Status.INVALID);
        assertThat(report.reason()).as(report.detail()).isEqualTo(reason);
        assertThat(report.signatures()).isNotEmpty();
    }
}
