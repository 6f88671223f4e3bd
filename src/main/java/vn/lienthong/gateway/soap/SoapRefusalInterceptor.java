package vn.lienthong.gateway.soap;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.Sha256;
import vn.lienthong.gateway.ingress.Problem;
import vn.lienthong.gateway.messagelog.Channel;
import vn.lienthong.gateway.messagelog.MessageStore;
import vn.lienthong.gateway.messagelog.Rejection;

/**
 * Answers a request CXF refused before any route saw it (not well-formed or forbidden XML, a limit, attachments, no
 * such operation) with a declared fault and a stable code instead of CXF's own text, and records the refusal in the
 * message log with the remote address and the SHA-256 of the body.
 */
public class SoapRefusalInterceptor extends AbstractPhaseInterceptor<Message> {

    private static final Logger LOG = LoggerFactory.getLogger(SoapRefusalInterceptor.class);

    private final XmlRefusals refusals;
    private final MessageStore store;

    public SoapRefusalInterceptor(SoapProperties limits, MessageStore store) {
        super(Phase.PRE_LOGICAL);
        this.refusals = new XmlRefusals(limits);
        this.store = store;
    }

    @Override
    public void handleMessage(Message message) {
        Exception failure = message.getContent(Exception.class);
        if (failure == null || failure instanceof SoapFaults.GatewayFault) {
            return;
        }
        GatewayException refused = refusals.classify(failure);
        LOG.debug("SOAP request refused before routing: {}", refused.code(), failure);
        record(message, refused);
        message.setContent(Exception.class,
                SoapFaults.fault(Problem.of(refused.code(), refused.getMessage(), refused.violations()), null));
    }

    private void record(Message message, GatewayException refused) {
        Message request = message.getExchange() == null ? null : message.getExchange().getInMessage();
        HttpServletRequest http = request == null ? null
                : (HttpServletRequest) request.get(AbstractHTTPDestination.HTTP_REQUEST);
        byte[] body = http == null ? null : (byte[]) http.getAttribute(ExchangeKeys.RAW_BODY);
        try {
            store.recordRejection(new Rejection(Channel.SOAP, null, http == null ? null : http.getRemoteAddr(),
                    refused.code().name(), refused.getMessage(), body == null ? null : Sha256.hex(body)));
        } catch (DataAccessException e) {
            LOG.error("Could not record a rejection ({}) in the message log", refused.code(), e);
        }
    }
}
