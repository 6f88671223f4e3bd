package vn.lienthong.gateway.signature;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Checks many detached CMS signatures expected from one signer, as {@link CmsVerifier} checks one, with the signer's
 * verifier built once (for the thousands of checkpoint signatures of an export); not for use by several threads.
 */
public final class CmsSignerVerifier {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private final X509CertificateHolder signer;
    private final SignerInformationVerifier verifier;

    public CmsSignerVerifier(X509Certificate expectedSigner) {
        try {
            this.signer = new JcaX509CertificateHolder(expectedSigner);
            this.verifier = new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(expectedSigner);
        } catch (CertificateEncodingException | OperatorCreationException e) {
            throw new IllegalArgumentException("The signer's certificate cannot be used: " + e.getMessage(), e);
        }
    }

    /** True only when there is exactly one signer, it is the expected certificate, and its signature verifies. */
    public boolean verifiesDetached(byte[] content, byte[] signature) {
        try {
            CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(content), signature);
            if (signed.getSignerInfos().size() != 1) {
                return false;
            }
            SignerInformation info = signed.getSignerInfos().getSigners().iterator().next();
            return info.getSID().match(signer) && info.verify(verifier);
        } catch (CMSException | RuntimeException e) {
            return false;
        }
    }
}
