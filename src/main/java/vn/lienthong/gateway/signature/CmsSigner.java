package vn.lienthong.gateway.signature;

import java.io.IOException;
import java.security.Provider;
import java.security.interfaces.ECKey;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Makes detached CMS signatures (SignedData, DER) with SHA-256, signed attributes (content type, message digest,
 * signing time, algorithm protection) and the signer's certificate chain, so that {@code openssl cms -verify} checks
 * them against the signer's trust anchor.
 */
public class CmsSigner {

    private static final Provider BC = new BouncyCastleProvider();

    private final SigningIdentity identity;
    private final String algorithm;

    public CmsSigner(SigningIdentity identity) {
        this.identity = identity;
        this.algorithm = identity.privateKey() instanceof ECKey ? "SHA256withECDSA" : "SHA256withRSA";
    }

    /** A detached signature of the content: the content itself is not inside. */
    public byte[] signDetached(byte[] content) {
        try {
            ContentSigner signer = new JcaContentSignerBuilder(algorithm).setProvider(BC).build(identity.privateKey());
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(BC).build())
                    .build(signer, identity.certificate()));
            generator.addCertificates(new JcaCertStore(identity.chain()));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException | CMSException | IOException
                 | java.security.cert.CertificateEncodingException e) {
            throw new SigningException("CMS signing failed: " + e.getMessage(), e);
        }
    }
}
