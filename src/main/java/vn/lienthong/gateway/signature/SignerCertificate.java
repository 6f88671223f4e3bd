package vn.lienthong.gateway.signature;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** What every kind of signature asks of its signer's certificate, and what it tells about the signer. */
final class SignerCertificate {

    private static final Pattern ORGAN_CODE = Pattern.compile("[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}");
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;

    private SignerCertificate() {
    }

    /** Subject, organ code, serial and issuer of the certificate (null fields when there is none). */
    static SignerDetails details(X509Certificate certificate, Instant signedAt, String algorithm) {
        if (certificate == null) {
            return new SignerDetails(null, null, null, null, List.of(), signedAt, algorithm);
        }
        String subject = certificate.getSubjectX500Principal().getName();
        return new SignerDetails(subject, organId(certificate),
                certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT),
                certificate.getIssuerX500Principal().getName(), List.of(subject), signedAt, algorithm);
    }

    /** The organ code (mã định danh) from an OU of the subject, as the sample PKI and the provinces' CAs put it. */
    static String organId(X509Certificate certificate) {
        X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        for (RDN rdn : name.getRDNs(BCStyle.OU)) {
            String value = IETFUtils.valueToString(rdn.getFirst().getValue());
            if (ORGAN_CODE.matcher(value).matches()) {
                return value;
            }
        }
        return null;
    }

    /** A signing certificate must say so: key usage with digitalSignature or nonRepudiation. */
    static Optional<Finding> keyUsage(X509Certificate certificate) {
        boolean[] usage = certificate.getKeyUsage();
        if (usage != null && usage.length > NON_REPUDIATION && (usage[DIGITAL_SIGNATURE] || usage[NON_REPUDIATION])) {
            return Optional.empty();
        }
        return Optional.of(Finding.invalid(VerdictReason.KEY_USAGE_NOT_ALLOWED, usage == null
                ? "the signer's certificate has no key usage"
                : "the signer's certificate allows neither digitalSignature nor nonRepudiation"));
    }
}
