package vn.lienthong.gateway.messagelog;

import java.util.List;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.ingress.PathParameters;

/** Answers the status queries of the REST API from the message store. */
@Component("messageQueries")
public class MessageQueries {

    private final MessageStore store;

    MessageQueries(MessageStore store) {
        this.store = store;
    }

    /** Puts the state of the message named by the {@code messageId} path parameter in the body, or answers 404. */
    public void messageStatus(Exchange exchange) {
        String messageId = PathParameters.messageId(exchange);
        exchange.getIn().setBody(store.find(messageId)
                .orElseThrow(() -> new GatewayException(ErrorCode.NOT_FOUND, "No message with this id.")));
    }

    /** Puts every message about the dossier named by the {@code dossierCode} path parameter in the body. */
    public void dossierMessages(Exchange exchange) {
        String dossierCode = PathParameters.dossierCode(exchange);
        exchange.getIn().setBody(new DossierMessages(dossierCode, store.findByDossier(dossierCode)));
    }

    /** The answer listing the messages of one dossier. */
    public record DossierMessages(String dossierCode, List<MessageView> messages) {
    }
}
