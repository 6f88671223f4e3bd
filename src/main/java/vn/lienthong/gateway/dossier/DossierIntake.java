package vn.lienthong.gateway.dossier;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.delivery.MessageIntake;
import vn.lienthong.gateway.delivery.MessageIntake.Subject;

/**
 * Accepts a validated dossier record or progress step through the shared {@link MessageIntake}, with the dossier's
 * state changed in the same transaction.
 */
@Component("dossierIntake")
public class DossierIntake {

    static final String DOSSIER_KIND = "DOSSIER";
    static final String PROGRESS_KIND = "PROGRESS";

    private final MessageIntake intake;
    private final DossierStates states;

    DossierIntake(MessageIntake intake, DossierStates states) {
        this.intake = intake;
        this.states = states;
    }

    /**
     * Records a dossier record as a RECEIVED message (with its idempotency key) and the dossier's state, and makes the
     * body and headers the queue carries; or, for a repeated key, sets {@link ExchangeKeys#IDEMPOTENT_REPLAY} and the
     * first answer as the body.
     */
    public void receive(Exchange exchange) throws JsonProcessingException {
        Dossier dossier = exchange.getProperty(ExchangeKeys.DOSSIER, Dossier.class);
        intake.receive(exchange, Subject.ofDossier(DOSSIER_KIND, dossier.dossierCode(), dossier.agencyCode()),
                messageId -> states.recordSync(dossier, messageId));
    }

    /**
     * Records a progress step as a RECEIVED message, moving the dossier's state in the same transaction (refused when
     * the status table does not allow the step), and makes what the queue carries; a repeated key as above.
     */
    public void receiveProgress(Exchange exchange) throws JsonProcessingException {
        Progress step = exchange.getProperty(ExchangeKeys.PROGRESS, Progress.class);
        String dossierCode = exchange.getProperty(ExchangeKeys.DOSSIER_CODE, String.class);
        intake.receive(exchange, Subject.ofDossier(PROGRESS_KIND, dossierCode,
                exchange.getProperty(ExchangeKeys.AGENCY_CODE, String.class)),
                messageId -> states.advance(dossierCode, step, messageId));
    }

    /** Marks the message QUEUED once the queue holds it, and makes the 202 answer. */
    public void queued(Exchange exchange) {
        intake.queued(exchange);
    }
}
