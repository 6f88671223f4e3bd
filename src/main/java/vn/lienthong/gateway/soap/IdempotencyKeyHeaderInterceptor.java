package vn.lienthong.gateway.soap;

import java.util.List;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.headers.Header;
import org.apache.cxf.phase.Phase;
import org.w3c.dom.Element;

/**
 * Keeps the text of every {@code IdempotencyKey} SOAP header of a request as a property of the CXF message, read
 * before CXF binds the header to the operation's parameters and takes it off the header list.
 */
public class IdempotencyKeyHeaderInterceptor extends AbstractSoapInterceptor {

    /** CXF message property: the {@code List<String>} of the request's IdempotencyKey header texts. */
    static final String KEYS = "lienthong.idempotencyKeys";

    public IdempotencyKeyHeaderInterceptor() {
        super(Phase.PRE_PROTOCOL);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        List<String> keys = message.getHeaders().stream()
                .filter(h -> SoapContract.IDEMPOTENCY_KEY.equals(h.getName()))
                .map(IdempotencyKeyHeaderInterceptor::text)
                .toList();
        message.put(KEYS, keys);
    }

    private static String text(Header header) {
        return header.getObject() instanceof Element element ? element.getTextContent().strip() : "";
    }
}
