package vn.lienthong.gateway.messagelog;

import java.util.List;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.ingress.ClientIdentity;
import vn.lienthong.gateway.ingress.PathParameters;

/** Answers the status queries of the REST API from the message store. */
@Component("messageQueries")
public class MessageQueries {

    private final MessageStore store;

    MessageQueries(MessageStore store) {
        this.store = store;
    }

    /**
     * Puts the state of the message named by the {@code messageId} path parameter in the body; 404 when there is no
     * such message or it is about an agency the client may not speak for (its existence is not given away).
     */
    public void messageStatus(Exchange exchange) {
        String messageId = PathParameters.messageId(exchange);
        ClientIdentity client = exchange.getProperty(ExchangeKeys.CLIENT, ClientIdentity.class);
        exchange.getIn().setBody(store.find(messageId)
                .filter(m -> client.mayActFor(store.agencyCodeOf(m.messageId()).orElse(null)))
                .orElseThrow(() -> new GatewayException(ErrorCode.NOT_FOUND, "No message with this id.")));
    }

    /**
     * Puts every message about the dossier named by the {@code dossierCode} path parameter in the body, leaving out
     * those about agencies the client may not speak for.
     */
    public void dossierMessages(Exchange exchange) {
        String dossierCode = PathParameters.dossierCode(exchange);
        ClientIdentity client = exchange.getProperty(ExchangeKeys.CLIENT, ClientIdentity.class);
        List<MessageView> visible = store.findByDossier(dossierCode).stream()
                .filter(m -> client.mayActFor(store.agencyCodeOf(m.messageId()).orElse(null))).toList();
        exchange.getIn().setBody(new DossierMessages(dossierCode, visible));
    }

    /** The answer listing the messages of one dossier. */
    public record DossierMessages(String dossierCode, List<MessageView> messages) {
    }
}
