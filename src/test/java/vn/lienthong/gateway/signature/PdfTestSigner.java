package vn.lienthong.gateway.signature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Calendar;
import java.util.HexFormat;
import java.util.Random;

import org.apache.pdfbox.Loader;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureInterface;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;

/**
 * Makes signed PDFs in tests and benches as a signing tool would, with PDFBox and the CMS signatures of
 * {@link CmsTestSigner} (or any other): a one-page document of a given size, signed by incremental update, and later
 * revisions that change it.
 */
public final class PdfTestSigner {

    /** The text of the page; a test changes one of its bytes to alter the signed content. */
    static final String TEXT = "Cong van so 57/UBND-TP ve viec lien thong";

    private final CmsTestSigner cms;
    private COSName subFilter = PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED;
    private boolean certifyingWithNoChangeAllowed;

    PdfTestSigner(CmsTestSigner cms) {
        this.cms = cms;
    }

    /** Signs with the key and certificate of {@code certs-sample/<name>}, the sample intermediate included. */
    static PdfTestSigner of(String sampleName) {
        return new PdfTestSigner(SamplePki.signer(sampleName));
    }

    /** Writes this {@code /SubFilter} into the signature dictionary. */
    PdfTestSigner subFilter(COSName name) {
        this.subFilter = name;
        return this;
    }

    /** Makes the signature a certification that allows no change (DocMDP, {@code /P 1}). */
    PdfTestSigner certifyingWithNoChangeAllowed() {
        this.certifyingWithNoChangeAllowed = true;
        return this;
    }

    /**
     * An unsigned one-page PDF of about {@code size} bytes: the text, then comments of random hexadecimal digits in the
     * (uncompressed) page content; the rest of the document in object streams, as PDFBox saves by default.
     */
    public static byte[] document(int size) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.OVERWRITE, false)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 770);
                content.showText(TEXT);
                content.endText();
                Random random = new Random(size);
                byte[] line = new byte[48];
                for (int written = 0; written < size - 1500; written += 2 * line.length + 2) {
                    random.nextBytes(line);
                    content.addComment(HexFormat.of().formatHex(line));
                }
            }
            document.getDocumentInformation().setTitle("SAMPLE document");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("test document failed", e);
        }
    }

    /** The PDF with one more signature, appended as an incremental update (the earlier bytes unchanged). */
    byte[] sign(byte[] pdf) {
        return sign(pdf, subFilter, certifyingWithNoChangeAllowed, content -> cms.detached(content.readAllBytes()));
    }

    /** Where the text (ASCII) first stands in the PDF's bytes; fails the test when it does not. */
    public static int offsetOf(byte[] pdf, String text) {
        int at = new String(pdf, StandardCharsets.ISO_8859_1).indexOf(text);
        if (at < 0) {
            throw new AssertionError("\"" + text + "\" is not in the PDF");
        }
        return at;
    }

    /** The PDF with one more {@code adbe.pkcs7.detached} signature, whose CMS object the signer given makes. */
    public static byte[] sign(byte[] pdf, SignatureInterface signer) {
        return sign(pdf, PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED, false, signer);
    }

    /** The PDF with a document time-stamp of the sandbox authority ({@code certs-sample/tsa.p12}) appended. */
    public static byte[] timestampedBySandboxAuthority(byte[] pdf) {
        return timestamp(pdf, TimestampAuthorities.sandboxResponder());
    }

    /**
     * The PDF with a document time-stamp ({@code ETSI.RFC3161}) appended, whose token the authority given makes over
     * the SHA-256 of the byte range, as a PAdES-LTA time-stamp is made.
     */
    static byte[] timestamp(byte[] pdf, TimestampResponder authority) {
        return sign(pdf, COSName.getPDFName("ETSI.RFC3161"), false, content -> {
            try {
                TimeStampRequestGenerator request = new TimeStampRequestGenerator();
                request.setCertReq(true);
                byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(content.readAllBytes());
                TimeStampResponse response = new TimeStampResponse(authority.respond(
                        request.generate(TSPAlgorithms.SHA256, digest).getEncoded()));
                return response.getTimeStampToken().getEncoded();
            } catch (java.security.GeneralSecurityException | TSPException e) {
                throw new IOException("time-stamp failed", e);
            }
        });
    }

    private static byte[] sign(byte[] pdf, COSName subFilter, boolean certifyingWithNoChangeAllowed,
                               SignatureInterface signer) {
        try (PDDocument document = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(subFilter);
            signature.setName("SAMPLE signer");
            signature.setSignDate(Calendar.getInstance());
            options.setPreferredSignatureSize(12_000);
            if (certifyingWithNoChangeAllowed) {
                certifyWithNoChangeAllowed(document, signature);
            }
            document.addSignature(signature, signer, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("test signature failed", e);
        }
    }

    /** The DocMDP transform with {@code /P 1}, and the catalog's {@code /Perms} naming the signature. */
    private static void certifyWithNoChangeAllowed(PDDocument document, PDSignature signature) {
        COSDictionary parameters = new COSDictionary();
        parameters.setItem(COSName.TYPE, COSName.getPDFName("TransformParams"));
        parameters.setInt(COSName.P, 1);
        parameters.setName(COSName.V, "1.2");
        COSDictionary reference = new COSDictionary();
        reference.setItem(COSName.TYPE, COSName.getPDFName("SigRef"));
        reference.setItem(COSName.TRANSFORM_METHOD, COSName.DOCMDP);
        reference.setItem(COSName.TRANSFORM_PARAMS, parameters);
        COSArray references = new COSArray();
        references.add(reference);
        signature.getCOSObject().setItem(COSName.REFERENCE, references);
        COSDictionary permissions = new COSDictionary();
        permissions.setItem(COSName.DOCMDP, signature.getCOSObject());
        document.getDocumentCatalog().getCOSObject().setItem(COSName.PERMS, permissions);
    }

    /** A later revision, appended by PDFBox, with what {@code change} does to the document. */
    static byte[] update(byte[] pdf, Change change) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            change.apply(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("test update failed", e);
        }
    }

    /** A change to a loaded document. */
    interface Change {
        void apply(PDDocument document) throws IOException;
    }

    /** Writes text over the first page, in a content stream added to it: what a forger does. */
    static void addTextToFirstPage(PDDocument document) throws IOException {
        PDPage page = document.getPage(0);
        try (PDPageContentStream content = new PDPageContentStream(document, page,
                PDPageContentStream.AppendMode.APPEND, false)) {
            content.beginText();
            content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 24);
            content.newLineAtOffset(72, 700);
            content.showText("DA THANH TOAN 900.000.000 VND");
            content.endText();
        }
        page.getCOSObject().setNeedToBeUpdated(true);
    }

    /** The same file with the last {@code /ByteRange} rewritten in place (its text keeps its length). */
    static byte[] withByteRange(byte[] pdf, long... range) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int start = text.lastIndexOf("/ByteRange [") + "/ByteRange [".length();
        int end = text.indexOf(']', start);
        int padding = end + 1;
        while (text.charAt(padding) == ' ') {
            padding++;
        }
        String numbers = range[0] + " " + range[1] + " " + range[2] + " " + range[3] + "]";
        String replaced = numbers + " ".repeat(padding - start - numbers.length());
        if (replaced.length() != padding - start) {
            throw new IllegalArgumentException("the new /ByteRange does not fit in the old one's place");
        }
        byte[] changed = pdf.clone();
        System.arraycopy(replaced.getBytes(StandardCharsets.ISO_8859_1), 0, changed, start, replaced.length());
        return changed;
    }

    /** The last {@code /ByteRange} of the file, as written. */
    static long[] byteRange(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int start = text.lastIndexOf("/ByteRange [") + "/ByteRange [".length();
        String[] numbers = text.substring(start, text.indexOf(']', start)).trim().split("\\s+");
        long[] range = new long[4];
        for (int i = 0; i < 4; i++) {
            range[i] = Long.parseLong(numbers[i]);
        }
        return range;
    }
}
