package vn.lienthong.gateway.messagelog;

import java.util.List;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.GatewayException.Violation;

/** Answers the status queries of the REST API from the message store. */
@Component("messageQueries")
public class MessageQueries {

    private static final Pattern MESSAGE_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern DOSSIER_CODE = Pattern.compile("[0-9A-Za-z.]{1,40}-[0-9]{6}-[0-9]{4,8}");

    private final MessageStore store;

    MessageQueries(MessageStore store) {
        this.store = store;
    }

    /** Puts the state of the message named by the {@code messageId} path parameter in the body, or answers 404. */
    public void messageStatus(Exchange exchange) {
        String messageId = exchange.getIn().getHeader("messageId", String.class);
        if (messageId == null || !MESSAGE_ID.matcher(messageId).matches()) {
            throw new GatewayException(ErrorCode.PATH_PARAMETER_INVALID, "The message id is not a UUID.",
                    List.of(new Violation("messageId", "must be a lower-case UUID")));
        }
        exchange.getIn().setBody(store.find(messageId)
                .orElseThrow(() -> new GatewayException(ErrorCode.NOT_FOUND, "No message with this id.")));
    }

    /** Puts every message about the dossier named by the {@code dossierCode} path parameter in the body. */
    public void dossierMessages(Exchange exchange) {
        String dossierCode = exchange.getIn().getHeader("dossierCode", String.class);
        if (dossierCode == null || !DOSSIER_CODE.matcher(dossierCode).matches()) {
            throw new GatewayException(ErrorCode.PATH_PARAMETER_INVALID, "The dossier code is not well formed.",
                    List.of(new Violation("dossierCode", "must look like {agencyCode}-{yyMMdd}-{NNNN}")));
        }
        exchange.getIn().setBody(new DossierMessages(dossierCode, store.findByDossier(dossierCode)));
    }

    /** The answer listing the messages of one dossier. */
    public record DossierMessages(String dossierCode, List<MessageView> messages) {
    }
}
