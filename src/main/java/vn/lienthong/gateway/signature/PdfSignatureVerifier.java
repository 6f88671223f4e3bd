package vn.lienthong.gateway.signature;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Verifies the signatures of a PDF, each signature field's signature in the order they were made: its format
 * ({@code adbe.pkcs7.detached} or {@code ETSI.CAdES.detached}), its {@code /ByteRange} (a whole revision of the file
 * but exactly the signature's hexadecimal {@code /Contents}), its CMS signature over those bytes with every check of
 * {@link CmsSignatureVerifier} at the time of validation, and what later revisions of the file change (only adding
 * signatures, validation data and metadata leaves it valid, see {@link LaterRevisions}). The document is read strictly
 * and within bounds ({@link StrictPdfParser}); one that cannot be read is {@code MALFORMED}.
 */
public final class PdfSignatureVerifier {

    static final int MAX_SIGNATURES = 16;
    private static final Set<COSName> CMS_DETACHED = Set.of(COSName.ADBE_PKCS7_DETACHED,
            COSName.getPDFName("ETSI.CAdES.detached"));
    private static final Set<COSName> SHA1 = Set.of(COSName.ADBE_PKCS7_SHA1, COSName.ADBE_X509_RSA_SHA1);
    private static final COSName DOCUMENT_TIMESTAMP = COSName.getPDFName("ETSI.RFC3161");

    private final CmsSignatureVerifier cms;
    private final Clock clock;

    public PdfSignatureVerifier(CmsSignatureVerifier cms, Clock clock) {
        this.cms = cms;
        this.clock = clock;
    }

    /** Verifies every signature of the PDF given as the whole file. */
    public VerificationReport verify(byte[] pdf) {
        Instant at = clock.instant();
        StrictPdfParser parser = StrictPdfParser.open(pdf, pdf.length);
        try (PDDocument document = parser.document()) {
            List<PdfSignature> signatures = PdfSignature.all(document);
            if (parser.failure() == null && signatures.isEmpty()) {
                return VerificationReport.invalidObject(VerdictReason.NO_SIGNER,
                        "the PDF has no signature field with a signature", at);
            }
            if (signatures.size() > MAX_SIGNATURES) {
                return VerificationReport.invalidObject(VerdictReason.MALFORMED,
                        "more than " + MAX_SIGNATURES + " signatures", at);
            }
            List<Verdict> verdicts = new ArrayList<>();
            for (PdfSignature signature : signatures) {
                verdicts.add(verify(signature, pdf, document.getDocument(), at));
            }
            if (parser.failure() != null) {
                return unreadable(parser.failure(), at);
            }
            VerificationReport report = VerificationReport.of(verdicts, at);
            if (report.verdict() == Verdict.Status.VALID
                    && signatures.stream().allMatch(signature -> DOCUMENT_TIMESTAMP.equals(signature.subFilter()))) {
                return VerificationReport.withoutSigner(verdicts, "the PDF has no signature, only "
                        + signatures.size() + " document time-stamp(s): a time-stamp shows when the file existed,"
                        + " not who signed it", at);
            }
            return report;
        } catch (IOException | RuntimeException e) {
            return unreadable(parser.failure(), at);
        }
    }

    private Verdict verify(PdfSignature signature, byte[] pdf, COSDocument current, Instant at) throws IOException {
        SignerDetails unknownSigner = new SignerDetails(null, null, null, null, List.of(), signature.claimedTime(),
                null);
        Optional<Finding> format = format(signature.subFilter());
        if (format.isPresent()) {
            return format.get().toVerdict(unknownSigner, at);
        }
        PdfByteRange range;
        try {
            range = PdfByteRange.read(signature.dictionary(), pdf);
        } catch (PdfByteRange.Invalid e) {
            return new Verdict.Invalid(VerdictReason.BYTE_RANGE_INVALID, e.getMessage(), unknownSigner, at);
        }
        if (range.coversWholeFile(pdf)) {
            return signatureOverRevision(signature, range, pdf, at);
        }
        StrictPdfParser revisionParser = StrictPdfParser.open(pdf, range.revisionEnd());
        PDDocument revision;
        try {
            revision = revisionParser.document();
        } catch (IOException e) {
            return new Verdict.Invalid(VerdictReason.BYTE_RANGE_INVALID, "the bytes the /ByteRange covers are not a"
                    + " readable revision of the PDF" + (revisionParser.failure() == null ? ""
                    : ": " + revisionParser.failure()), unknownSigner, at);
        }
        try (revision) {
            if (signature.holder() == null
                    || !revision.getDocument().getXrefTable().containsKey(signature.holder())) {
                return new Verdict.Invalid(VerdictReason.BYTE_RANGE_INVALID,
                        "the signature dictionary is not part of the revision its /ByteRange covers", unknownSigner, at);
            }
            Verdict verdict = signatureOverRevision(signature, range, pdf, at);
            if (verdict.status() == Verdict.Status.INVALID) {
                return verdict;
            }
            Optional<String> change;
            try {
                change = LaterRevisions.disallowedChange(revision.getDocument(), current, pdf.length,
                        signature.certifiesWithNoChangeAllowed());
            } catch (IOException | RuntimeException e) {
                return new Verdict.Invalid(VerdictReason.MALFORMED, "the signed revision and the later ones cannot"
                        + " be compared", verdict.signer(), at);
            }
            if (revisionParser.failure() != null) {
                return new Verdict.Invalid(VerdictReason.MALFORMED, "the signed revision and the later ones cannot"
                        + " be compared: " + revisionParser.failure(), verdict.signer(), at);
            }
            return change.<Verdict>map(what -> new Verdict.Invalid(VerdictReason.MODIFIED_AFTER_SIGNING,
                    "after the signed revision (bytes 0 to " + range.revisionEnd() + " of " + pdf.length + "), "
                            + what, verdict.signer(), at)).orElse(verdict);
        }
    }

    /** Only CMS detached signatures over the byte range are verified; SHA-1 digest formats are weak. */
    private static Optional<Finding> format(COSName subFilter) {
        if (subFilter != null && CMS_DETACHED.contains(subFilter)) {
            return Optional.empty();
        }
        if (subFilter != null && SHA1.contains(subFilter)) {
            return Optional.of(Finding.invalid(VerdictReason.WEAK_ALGORITHM, "/SubFilter " + subFilter.getName()
                    + " signs a SHA-1 digest of the document"));
        }
        if (DOCUMENT_TIMESTAMP.equals(subFilter)) {
            return Optional.empty();
        }
        return Optional.of(Finding.invalid(VerdictReason.UNSUPPORTED_ALGORITHM, subFilter == null
                ? "the signature has no /SubFilter"
                : "/SubFilter " + subFilter.getName() + " is not verified; adbe.pkcs7.detached and"
                        + " ETSI.CAdES.detached are"));
    }

    /**
     * A document time-stamp ({@code ETSI.RFC3161}): an RFC 3161 token over the SHA-256 of the byte range, by an
     * authority whose certificate chains to the trusted roots at the stamped time ({@link TimestampTokens}); the
     * authority is reported as the signer, the stamped time as the signing time.
     */
    private Verdict documentTimestamp(PdfSignature signature, PdfByteRange range, byte[] pdf, Instant at) {
        TimestampVerdict stamp = TimestampTokens.verify(signature.contents(), range.signedContent(pdf),
                cms.trustedRoots());
        if (!stamp.valid()) {
            return new Verdict.Invalid(VerdictReason.TIMESTAMP_INVALID, "document time-stamp: " + stamp.problem(),
                    new SignerDetails(null, null, null, null, List.of(), signature.claimedTime(), "RFC3161"), at);
        }
        return new Verdict.Valid(new SignerDetails(stamp.authority(), null, null, null, List.of(stamp.authority()),
                stamp.time(), "RFC3161 SHA-256"), at);
    }

    /** The CMS signature of {@code /Contents} over the bytes of the byte range: one signer, every CMS check. */
    private Verdict signatureOverRevision(PdfSignature signature, PdfByteRange range, byte[] pdf, Instant at) {
        if (DOCUMENT_TIMESTAMP.equals(signature.subFilter())) {
            return documentTimestamp(signature, range, pdf, at);
        }
        VerificationReport report = cms.verifyDetached(range.signedContent(pdf), signature.contents(), at);
        SignerDetails unknownSigner = new SignerDetails(null, null, null, null, List.of(), signature.claimedTime(),
                null);
        if (report.signatures().isEmpty()) {
            return new Verdict.Invalid(report.reason(), "/Contents: " + report.detail(), unknownSigner, at);
        }
        if (report.signatures().size() > 1) {
            return new Verdict.Invalid(VerdictReason.MALFORMED, "a PDF signature has one signer; /Contents has "
                    + report.signatures().size(), unknownSigner, at);
        }
        return withClaimedTime(report.signatures().get(0), signature.claimedTime());
    }

    /** The CMS signing time when it claims one, else the PDF's {@code /M}. */
    private static Verdict withClaimedTime(Verdict verdict, Instant claimed) {
        SignerDetails s = verdict.signer();
        if (s.signedAt() != null || claimed == null) {
            return verdict;
        }
        SignerDetails signer = new SignerDetails(s.subject(), s.organId(), s.serial(), s.issuer(), s.chain(), claimed,
                s.algorithm());
        if (verdict instanceof Verdict.Invalid) {
            return new Verdict.Invalid(verdict.reason(), verdict.detail(), signer, verdict.validatedAt());
        }
        if (verdict instanceof Verdict.Indeterminate) {
            return new Verdict.Indeterminate(verdict.reason(), verdict.detail(), signer, verdict.validatedAt());
        }
        return new Verdict.Valid(signer, verdict.validatedAt());
    }

    private static VerificationReport unreadable(String failure, Instant at) {
        return VerificationReport.invalidObject(VerdictReason.MALFORMED, "not a readable PDF"
                + (failure == null ? " (read strictly: header, cross-references and trailer as written)"
                : ": " + failure), at);
    }
}
