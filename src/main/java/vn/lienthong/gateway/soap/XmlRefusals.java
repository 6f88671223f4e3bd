package vn.lienthong.gateway.soap;

import java.util.Locale;

import javax.xml.stream.XMLStreamException;

import org.apache.cxf.staxutils.DepthExceededStaxException;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.GatewayException;

/**
 * Names what was wrong with a SOAP request that CXF could not read, with a stable code and the limit it broke, in
 * words of the gateway's own: nothing of the parser's message, which may quote the input, reaches the client.
 */
final class XmlRefusals {

    private final SoapProperties limits;

    XmlRefusals(SoapProperties limits) {
        this.limits = limits;
    }

    GatewayException classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof GatewayException known) {
                return known;
            }
            if (t instanceof DoctypeRefusingInterceptor.DoctypeRefused) {
                return refused(ErrorCode.XML_MALFORMED, "The XML carries a document type declaration or an entity "
                        + "reference; neither is allowed.");
            }
            if (t instanceof DepthExceededStaxException) {
                return limitExceeded(t.getMessage());
            }
            if (fromAttachmentReader(t)) {
                return refused(ErrorCode.ATTACHMENT_REFUSED, "The attachments exceed a limit: at most "
                        + limits.getMaxAttachments() + " attachments of at most " + limits.getMaxAttachmentSize().toBytes()
                        + " bytes each, with part headers of at most " + limits.getMaxAttachmentHeaderSize().toBytes()
                        + " bytes.");
            }
            if (t instanceof XMLStreamException || t.getClass().getName().startsWith("com.ctc.wstx.")) {
                String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
                return message.contains("limit") || message.contains("maximum")
                        ? limitExceeded(message)
                        : refused(ErrorCode.XML_MALFORMED, "The request is not well-formed XML.");
            }
        }
        return refused(ErrorCode.REQUEST_REFUSED, "The request is not a SOAP request this service accepts: see "
                + "/soap/gateway?wsdl.");
    }

    private GatewayException limitExceeded(String parserMessage) {
        String message = String.valueOf(parserMessage).toLowerCase(Locale.ROOT);
        String what;
        if (message.contains("depth")) {
            what = "elements nested deeper than " + limits.getMaxElementDepth() + " levels";
        } else if (message.contains("child")) {
            what = "an element with more than " + limits.getMaxChildElements() + " child elements";
        } else if (message.contains("attribute size")) {
            what = "an attribute longer than " + limits.getMaxAttributeSize().toBytes() + " characters";
        } else if (message.contains("attributes")) {
            what = "an element with more than " + limits.getMaxAttributeCount() + " attributes";
        } else if (message.contains("text")) {
            what = "a text longer than " + limits.getMaxTextLength().toBytes() + " characters";
        } else if (message.contains("element count") || message.contains("number of elements")) {
            what = "more than " + limits.getMaxElementCount() + " elements";
        } else {
            what = "a document longer than " + limits.getMaxDocumentSize().toBytes() + " characters";
        }
        return refused(ErrorCode.XML_LIMIT_EXCEEDED, "The XML exceeds a limit: " + what + ".");
    }

    private static boolean fromAttachmentReader(Throwable t) {
        StackTraceElement[] frames = t.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, 4); i++) {
            if (frames[i].getClassName().startsWith("org.apache.cxf.attachment.")) {
                return true;
            }
        }
        return false;
    }

    private static GatewayException refused(ErrorCode code, String detail) {
        return new GatewayException(code, detail);
    }
}
