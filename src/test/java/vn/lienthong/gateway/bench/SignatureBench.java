package vn.lienthong.gateway.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import vn.lienthong.gateway.signature.CmsSignatureVerifier;
import vn.lienthong.gateway.signature.CmsSigner;
import vn.lienthong.gateway.signature.PdfSignatureVerifier;
import vn.lienthong.gateway.signature.PdfTestSigner;
import vn.lienthong.gateway.signature.RevocationLists;
import vn.lienthong.gateway.signature.SignaturePlacement;
import vn.lienthong.gateway.signature.SigningIdentity;
import vn.lienthong.gateway.signature.TrustAnchors;
import vn.lienthong.gateway.signature.VerificationReport;
import vn.lienthong.gateway.signature.Verdict;
import vn.lienthong.gateway.signature.XmlSignatureVerifier;
import vn.lienthong.gateway.signature.XmlSigner;

/**
 * Prints how many CMS signatures over a document of the given size one thread verifies per second (full checks:
 * signature, policy, path to the sample root, CRLs) and how many the gateway's signer makes, then how many signed
 * PDFs of that size it verifies (once signed, and signed twice, where the first signature's later revision is
 * checked too), then the same for an enveloped XML signature over an edXML document of about 100 KB, verified by the
 * gateway's verifier and made by its {@link XmlSigner} (parse, sign in the header, write out). Run by
 * {@code bench/signature-figures.sh}.
 */
public final class SignatureBench {

    private static final Duration RUN = Duration.ofSeconds(8);

    private SignatureBench() {
    }

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 1 << 20;
        byte[] content = new byte[size];
        new Random(1).nextBytes(content);
        Path home = Path.of("").toAbsolutePath();
        TrustAnchors anchors = TrustAnchors.load(home, List.of(Path.of("certs-sample/trust-anchors.pem")), List.of());
        RevocationLists crls = RevocationLists.configure(home, List.of("certs-sample/sample-gov-ca.crl.pem",
                "certs-sample/root-ca.crl.pem"), Duration.ofHours(1), Duration.ofSeconds(10), 20 << 20);
        CmsSignatureVerifier verifier = new CmsSignatureVerifier(anchors, crls, Clock.systemUTC());
        System.out.printf("content %,d bytes; %d available processors; one thread%n", size,
                Runtime.getRuntime().availableProcessors());
        for (String[] signer : List.of(new String[] {"gateway-signing.p12", "RSA-3072"},
                new String[] {"agency-000.00.17.H56-client.p12", "EC P-256"})) {
            SigningIdentity identity = SigningIdentity.fromPkcs12(Path.of("certs-sample", signer[0]),
                    "sandbox".toCharArray(), null);
            CmsSigner cms = new CmsSigner(identity);
            byte[] signature = cms.signDetached(content);
            VerificationReport check = verifier.verifyDetached(content, signature);
            if (check.verdict() != Verdict.Status.VALID) {
                throw new IllegalStateException("the sample signature is " + check.verdict() + " " + check.detail());
            }
            report("verify CMS detached, " + signer[1], () -> verifier.verifyDetached(content, signature));
            report("sign   CMS detached, " + signer[1], () -> cms.signDetached(content));
        }
        PdfSignatureVerifier pdfVerifier = new PdfSignatureVerifier(verifier, Clock.systemUTC());
        CmsSigner gatewayCms = new CmsSigner(SigningIdentity.fromPkcs12(Path.of("certs-sample/gateway-signing.p12"),
                "sandbox".toCharArray(), null));
        byte[] signedPdf = PdfTestSigner.sign(PdfTestSigner.document(size),
                pdfContent -> gatewayCms.signDetached(pdfContent.readAllBytes()));
        byte[] twiceSignedPdf = PdfTestSigner.sign(signedPdf,
                pdfContent -> gatewayCms.signDetached(pdfContent.readAllBytes()));
        for (byte[] pdf : List.of(signedPdf, twiceSignedPdf)) {
            VerificationReport pdfCheck = pdfVerifier.verify(pdf);
            if (pdfCheck.verdict() != Verdict.Status.VALID || pdfCheck.signatures().isEmpty()) {
                throw new IllegalStateException("the sample PDF is " + pdfCheck.verdict() + " " + pdfCheck.detail());
            }
        }
        System.out.printf("signed PDF of %,d bytes (one page, signed with RSA-3072); signed again: %,d bytes%n",
                signedPdf.length, twiceSignedPdf.length);
        report("verify signed PDF, one signature", () -> pdfVerifier.verify(signedPdf));
        report("verify signed PDF, two signatures", () -> pdfVerifier.verify(twiceSignedPdf));
        XmlSignatureVerifier xml = new XmlSignatureVerifier(anchors, crls, Optional.empty(), Clock.systemUTC());
        SigningIdentity gateway = SigningIdentity.fromPkcs12(Path.of("certs-sample/gateway-signing.p12"),
                "sandbox".toCharArray(), null);
        byte[] edxml = edxml(100 * 1024);
        XmlSigner xmlSigner = new XmlSigner(gateway);
        byte[] signedEdxml = xmlSigner.sign(edxml, SignaturePlacement.EDXML_HEADER);
        VerificationReport check = xml.verify(signedEdxml);
        if (check.verdict() != Verdict.Status.VALID) {
            throw new IllegalStateException("the sample XML signature is " + check.verdict() + " " + check.detail());
        }
        System.out.printf("edXML of %,d bytes, signed with RSA-3072 (XML-DSig enveloped, RSA-SHA256)%n",
                signedEdxml.length);
        report("verify XML-DSig edXML, RSA-3072", () -> xml.verify(signedEdxml));
        report("sign   XML-DSig edXML (XmlSigner), RSA-3072",
                () -> xmlSigner.sign(edxml, SignaturePlacement.EDXML_HEADER));
    }

    /** An edXML envelope whose attachment makes it about {@code size} bytes. */
    private static byte[] edxml(int size) {
        byte[] attachment = new byte[size * 3 / 4];
        new Random(2).nextBytes(attachment);
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><edXML:edXMLEnvelope "
                + "xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"><edXML:edXMLHeader><edXML:MessageHeader>"
                + "<edXML:DocumentId>000.00.18.H56,2024/03/05,57/UBND-TP</edXML:DocumentId></edXML:MessageHeader>"
                + "</edXML:edXMLHeader><edXML:edXMLBody><edXML:edXMLManifest version=\"1.0\"/></edXML:edXMLBody>"
                + "<edXML:AttachmentEncoded><edXML:Attachment>" + Base64.getEncoder().encodeToString(attachment)
                + "</edXML:Attachment></edXML:AttachmentEncoded></edXML:edXMLEnvelope>").getBytes(StandardCharsets.UTF_8);
    }

    private static void report(String what, Runnable operation) {
        for (int i = 0; i < 20; i++) {
            operation.run();
        }
        long[] times = new long[1_000_000];
        int n = 0;
        long start = System.nanoTime();
        long end = start + RUN.toNanos();
        while (System.nanoTime() < end && n < times.length) {
            long t = System.nanoTime();
            operation.run();
            times[n++] = System.nanoTime() - t;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = Arrays.copyOf(times, n);
        Arrays.sort(sorted);
        System.out.printf("%-40s %8.1f /s   p50 %6.2f ms   p99 %6.2f ms   (%d runs)%n", what, n / seconds,
                sorted[n / 2] / 1e6, sorted[Math.min(n - 1, (int) (n * 0.99))] / 1e6, n);
    }
}
