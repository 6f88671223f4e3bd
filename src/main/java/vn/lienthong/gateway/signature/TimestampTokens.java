package vn.lienthong.gateway.signature;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;

import vn.lienthong.gateway.Sha256;

/**
 * Checks an RFC 3161 timestamp token over some signed bytes, with no network and no Spring: the token's imprint is the
 * SHA-256 of those bytes, its signature verifies with the certificate it carries, that certificate is bound to the
 * signature (ESS signing certificate), is valid at the stamped time and is for timestamping only (a critical
 * {@code timeStamping} extended key usage), and it leads to one of the trust anchors (PKIX at the stamped time, no
 * revocation).
 */
public final class TimestampTokens {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private TimestampTokens() {
    }

    /** The verdict on a token (DER of its CMS ContentInfo) said to stamp {@code stamped}, against these trust anchors. */
    public static TimestampVerdict verify(byte[] token, byte[] stamped, Collection<X509Certificate> anchors) {
        if (anchors == null || anchors.isEmpty()) {
            return TimestampVerdict.invalid("no trust anchors for timestamping authorities were given");
        }
        TimeStampToken parsed;
        try {
            parsed = parse(token);
        } catch (IOException | TSPException | CMSException | RuntimeException e) {
            return TimestampVerdict.invalid("not an RFC 3161 timestamp token (" + e.getMessage() + ")");
        }
        TimeStampTokenInfo info = parsed.getTimeStampInfo();
        if (!NISTObjectIdentifiers.id_sha256.equals(info.getMessageImprintAlgOID())) {
            return TimestampVerdict.invalid("its imprint is not SHA-256 but " + info.getMessageImprintAlgOID());
        }
        if (!MessageDigest.isEqual(info.getMessageImprintDigest(), Sha256.digest(stamped))) {
            return TimestampVerdict.invalid("it stamps other data: its imprint is not the SHA-256 of the signature");
        }
        Collection<X509CertificateHolder> signers = parsed.getCertificates().getMatches(parsed.getSID());
        if (signers.size() != 1) {
            return TimestampVerdict.invalid("it does not carry the certificate of the authority that signed it");
        }
        X509CertificateHolder signer = signers.iterator().next();
        try {
            parsed.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(signer));
        } catch (TSPException | OperatorCreationException | RuntimeException e) {
            return TimestampVerdict.invalid("its signature is not valid (" + e.getMessage() + ")");
        } catch (java.security.cert.CertificateException e) {
            return TimestampVerdict.invalid("the authority's certificate cannot be read (" + e.getMessage() + ")");
        }
        try {
            X509Certificate tsa = certificate(signer);
            String untrusted = chainProblem(tsa, parsed, anchors, info.getGenTime());
            if (untrusted != null) {
                return TimestampVerdict.invalid("the authority " + tsa.getSubjectX500Principal().getName()
                        + " is not trusted: " + untrusted);
            }
            return TimestampVerdict.valid(info.getGenTime().toInstant(), tsa.getSubjectX500Principal().getName());
        } catch (GeneralSecurityException e) {
            return TimestampVerdict.invalid("the authority's certificate cannot be read (" + e.getMessage() + ")");
        }
    }

    static TimeStampToken parse(byte[] token) throws IOException, TSPException, CMSException {
        return new TimeStampToken(new CMSSignedData(token));
    }

    private static String chainProblem(X509Certificate tsa, TimeStampToken token, Collection<X509Certificate> anchors,
                                       java.util.Date at) throws GeneralSecurityException {
        if (anchors.contains(tsa)) {
            return null;
        }
        Set<TrustAnchor> trust = new HashSet<>();
        anchors.forEach(a -> trust.add(new TrustAnchor(a, null)));
        List<X509Certificate> carried = new ArrayList<>();
        for (X509CertificateHolder holder : token.getCertificates().getMatches(null)) {
            carried.add(certificate(holder));
        }
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(tsa);
        PKIXBuilderParameters parameters = new PKIXBuilderParameters(trust, target);
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(carried)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(at);
        try {
            CertPathBuilder.getInstance("PKIX").build(parameters);
            return null;
        } catch (CertPathBuilderException e) {
            return "no chain to a trust anchor at " + at.toInstant() + " (" + e.getMessage() + ")";
        }
    }

    private static X509Certificate certificate(X509CertificateHolder holder) throws java.security.cert.CertificateException {
        return new JcaX509CertificateConverter().getCertificate(holder);
    }
}
