package vn.lienthong.gateway.signature;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** Makes CMS signatures in tests the way a sender might, good or deliberately bad, with Bouncy Castle. */
final class CmsTestSigner {

    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private String algorithm;
    private Date signingTime;
    private boolean withoutContentType;
    private boolean withCertificates = true;

    CmsTestSigner(PrivateKey key, List<X509Certificate> chain) {
        this.key = key;
        this.chain = chain;
        this.algorithm = SamplePki.algorithm(key);
    }

    CmsTestSigner algorithm(String name) {
        this.algorithm = name;
        return this;
    }

    /** Claims this signing time in the signed attributes. */
    CmsTestSigner claimingSigningTime(Date time) {
        this.signingTime = time;
        return this;
    }

    /** Leaves content-type out of the signed attributes (only message-digest is signed). */
    CmsTestSigner withoutContentType() {
        this.withoutContentType = true;
        return this;
    }

    /** Puts no certificate into the signature. */
    CmsTestSigner withoutCertificates() {
        this.withCertificates = false;
        return this;
    }

    byte[] detached(byte[] content) {
        return sign(content, false, List.of(this));
    }

    byte[] enveloping(byte[] content) {
        return sign(content, true, List.of(this));
    }

    /** One SignedData with a signature by each of the signers given. */
    static byte[] sign(byte[] content, boolean encapsulate, List<CmsTestSigner> signers) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            List<X509Certificate> certificates = new ArrayList<>();
            for (CmsTestSigner s : signers) {
                JcaSignerInfoGeneratorBuilder builder = new JcaSignerInfoGeneratorBuilder(
                        new JcaDigestCalculatorProviderBuilder().build());
                if (s.withoutContentType) {
                    builder.setSignedAttributeGenerator(parameters -> new AttributeTable(new Attribute(
                            CMSAttributes.messageDigest, new DERSet(new DEROctetString(
                            (byte[]) parameters.get(CMSAttributeTableGenerator.DIGEST))))));
                } else if (s.signingTime != null) {
                    builder.setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(
                            new Attribute(CMSAttributes.signingTime, new DERSet(new Time(s.signingTime))))));
                }
                generator.addSignerInfoGenerator(builder.build(
                        new JcaContentSignerBuilder(s.algorithm).build(s.key), s.chain.get(0)));
                if (s.withCertificates) {
                    s.chain.stream().filter(c -> !certificates.contains(c)).forEach(certificates::add);
                }
            }
            if (!certificates.isEmpty()) {
                generator.addCertificates(new JcaCertStore(certificates));
            }
            return generator.generate(new CMSProcessableByteArray(content), encapsulate).getEncoded(ASN1Encoding.DER);
        } catch (Exception e) {
            throw new IllegalStateException("test signature failed", e);
        }
    }
}
