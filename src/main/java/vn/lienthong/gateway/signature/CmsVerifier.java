package vn.lienthong.gateway.signature;

import java.security.cert.X509Certificate;

import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;

/** Checks that a detached CMS signature over some content was made, unaltered, by one expected signer. */
public final class CmsVerifier {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private CmsVerifier() {
    }

    /** True only when there is exactly one signer, it is the expected certificate, and its signature verifies. */
    public static boolean verifiesDetached(byte[] content, byte[] signature, X509Certificate expectedSigner) {
        try {
            CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(content), signature);
            if (signed.getSignerInfos().size() != 1) {
                return false;
            }
            SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
            return signer.getSID().match(new org.bouncycastle.cert.jcajce.JcaX509CertificateHolder(expectedSigner))
                    && signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(expectedSigner));
        } catch (CMSException | OperatorCreationException | java.security.cert.CertificateEncodingException
                 | RuntimeException e) {
            return false;
        }
    }
}
