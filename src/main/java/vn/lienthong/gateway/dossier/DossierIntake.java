package vn.lienthong.gateway.dossier;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.chain.ChainCatalog;
import vn.lienthong.gateway.chain.ChainLegs;
import vn.lienthong.gateway.delivery.MessageIntake;
import vn.lienthong.gateway.delivery.MessageIntake.Subject;

/**
 * Accepts a validated dossier record or progress step through the shared {@link MessageIntake}, one message per
 * destination the routing rules chose, with the dossier's state changed in the same transaction; the first record of a
 * dossier whose procedure starts a liên thông chain also becomes one message per leg of the chain.
 */
@Component("dossierIntake")
public class DossierIntake {

    static final String DOSSIER_KIND = "DOSSIER";
    static final String PROGRESS_KIND = "PROGRESS";
    static final String CHAIN_LEG_KIND = "CHAIN_LEG";
    /** Chain legs travel over the provincial platform. */
    static final String CHAIN_DESTINATION = "LGSP";

    private final MessageIntake intake;
    private final DossierStates states;
    private final ChainCatalog chains;
    private final ChainLegs chainLegs;
    private final Clock clock;

    DossierIntake(MessageIntake intake, DossierStates states, ChainCatalog chains, ChainLegs chainLegs, Clock clock) {
        this.intake = intake;
        this.states = states;
        this.chains = chains;
        this.chainLegs = chainLegs;
        this.clock = clock;
    }

    /**
     * Records a dossier record as one RECEIVED message per destination the routing rules chose (with the request's
     * idempotency key) and the dossier's state, plus the legs of the chain it starts, and makes the body and envelopes
     * the queues carry; or, for a repeated key, sets {@link ExchangeKeys#IDEMPOTENT_REPLAY} and the first answer as
     * the body.
     */
    public void receive(Exchange exchange) throws JsonProcessingException {
        Dossier dossier = exchange.getProperty(ExchangeKeys.DOSSIER, Dossier.class);
        List<String> destinations = destinationsOf(exchange);
        MessageIntake.ChainLegs legs = chains.startedBy(dossier.procedureCode())
                .filter(chain -> !chainLegs.started(dossier.dossierCode()))
                .map(chain -> legsOf(dossier.dossierCode(), chain)).orElse(null);
        intake.receive(exchange, Subject.ofDossier(DOSSIER_KIND, dossier.dossierCode(), dossier.agencyCode()),
                destinations, legs, messageId -> states.recordSync(dossier, messageId, destinations));
    }

    /**
     * Records a progress step as one RECEIVED message per destination of its dossier, moving the dossier's state in
     * the same transaction (refused when the status table does not allow the step), and makes what the queues carry; a
     * repeated key as above.
     */
    public void receiveProgress(Exchange exchange) throws JsonProcessingException {
        Progress step = exchange.getProperty(ExchangeKeys.PROGRESS, Progress.class);
        String dossierCode = exchange.getProperty(ExchangeKeys.DOSSIER_CODE, String.class);
        intake.receive(exchange, Subject.ofDossier(PROGRESS_KIND, dossierCode,
                exchange.getProperty(ExchangeKeys.AGENCY_CODE, String.class)), destinationsOf(exchange),
                messageId -> states.advance(dossierCode, step, messageId));
    }

    /** Marks the request's messages QUEUED once their queues hold them, and makes the 202 answer. */
    public void queued(Exchange exchange) {
        intake.queued(exchange);
    }

    private MessageIntake.ChainLegs legsOf(String dossierCode, ChainCatalog.Chain chain) {
        return new MessageIntake.ChainLegs(chain.name(), chain.legs().stream().map(ChainCatalog.Leg::agency).toList(),
                CHAIN_LEG_KIND, CHAIN_DESTINATION,
                messageIds -> chainLegs.record(dossierCode, chain, messageIds, OffsetDateTime.now(clock)));
    }

    @SuppressWarnings("unchecked")
    private static List<String> destinationsOf(Exchange exchange) {
        List<String> destinations = exchange.getProperty(ExchangeKeys.DESTINATIONS, List.class);
        return destinations == null ? List.of() : destinations;
    }
}
