package vn.lienthong.gateway.vdxp;

import java.io.UncheckedIOException;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.delivery.PlatformDeliveryException;
import vn.lienthong.gateway.signature.SignaturePlacement;
import vn.lienthong.gateway.signature.SigningException;
import vn.lienthong.gateway.signature.XmlSigner;

/**
 * Writes the edXML of a document or status message for the axis and signs it with the gateway key (an enveloped XML
 * signature over the whole file, the last child of {@code edXMLHeader}) into {@link #EDXML}. The body (the queued
 * message) is left as it is, since a failed attempt puts it back on its queue.
 */
@Component("edxmlWriter")
public class EdxmlWriter {

    /** Exchange property: the {@link EdxmlMessage} to write (set by the reader of the queued message). */
    public static final String EDXML_MESSAGE = "lienthongEdxmlMessage";
    /** Exchange property: the signed edXML bytes. */
    public static final String EDXML = "lienthongEdxml";

    private final EdxmlBuilder builder;
    private final XmlSigner signer;

    EdxmlWriter(EdxmlBuilder builder, XmlSigner signer) {
        this.builder = builder;
        this.signer = signer;
    }

    /** A writer outside the application context (the bench harness). */
    public static EdxmlWriter of(EdxmlBuilder builder, XmlSigner signer) {
        return new EdxmlWriter(builder, signer);
    }

    /** Builds and signs; a message that breaks a rule or a key that cannot sign is a permanent failure. */
    public void write(Exchange exchange) {
        EdxmlMessage message = exchange.getProperty(EDXML_MESSAGE, EdxmlMessage.class);
        exchange.setProperty(EDXML, signed(message));
    }

    /** The signed edXML of a message. */
    public byte[] signed(EdxmlMessage message) {
        byte[] edxml;
        try {
            edxml = builder.toBytes(message);
        } catch (GatewayException refused) {
            throw PlatformDeliveryException.permanentFailure(null, "The edXML cannot be written: "
                    + refused.getMessage());
        } catch (UncheckedIOException e) {
            throw PlatformDeliveryException.permanentFailure(null, "The edXML cannot be written: "
                    + e.getCause().getMessage());
        }
        try {
            return signer.sign(edxml, SignaturePlacement.EDXML_HEADER);
        } catch (SigningException e) {
            throw PlatformDeliveryException.permanentFailure(null, "The edXML cannot be signed with the gateway key: "
                    + e.getMessage());
        }
    }
}
