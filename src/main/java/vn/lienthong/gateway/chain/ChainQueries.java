package vn.lienthong.gateway.chain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ErrorCode;
import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.GatewayException;
import vn.lienthong.gateway.GatewayException.Violation;
import vn.lienthong.gateway.ingress.ClientIdentity;
import vn.lienthong.gateway.ingress.PathParameters;
import vn.lienthong.gateway.messagelog.MessageStore;

/**
 * Answers {@code GET /api/v1/dossiers/{dossierCode}/chain} (the chain's state and legs, for a client of the dossier's
 * agency) and {@code POST .../chain/legs/{leg}/ack} (the receiving agency confirms its leg).
 */
@Component("chainQueries")
public class ChainQueries {

    private static final int MAX_LEG = 20;

    private final ChainLegs legs;
    private final MessageStore store;
    private final Clock clock;

    ChainQueries(ChainLegs legs, MessageStore store, Clock clock) {
        this.legs = legs;
        this.store = store;
        this.clock = clock;
    }

    /** Sets the chain view of the path's dossier as the body; 404 CHAIN_NOT_FOUND when it started no visible chain. */
    public void chain(Exchange exchange) {
        String dossierCode = PathParameters.dossierCode(exchange);
        List<ChainLegs.Row> rows = visibleLegs(exchange, dossierCode);
        exchange.getIn().setBody(ChainView.of(rows));
    }

    /**
     * Records the receiving agency's acknowledgement of a delivered leg (an ACKNOWLEDGED message log entry) and sets
     * the chain view as the body; the client must act for the leg's agency.
     */
    public void acknowledge(Exchange exchange) {
        String dossierCode = PathParameters.dossierCode(exchange);
        int legNumber = legNumber(exchange);
        ClientIdentity client = exchange.getProperty(ExchangeKeys.CLIENT, ClientIdentity.class);
        ChainLegs.Row leg = legs.ofDossier(dossierCode).stream().filter(r -> r.leg() == legNumber)
                .filter(r -> client.mayActFor(r.agency())).findFirst()
                .orElseThrow(() -> new GatewayException(ErrorCode.CHAIN_LEG_NOT_FOUND, "This dossier's chain has no "
                        + "leg " + legNumber + " addressed to an agency this client acts for.",
                        List.of(new Violation("leg", "no such leg for this client"))));
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        boolean done = store.recordAcknowledged(leg.messageId(), client.id(),
                exchange.getProperty(ExchangeKeys.REMOTE_ADDRESS, String.class),
                () -> legs.acknowledge(dossierCode, legNumber, client.id(), now));
        if (!done) {
            throw new GatewayException(ErrorCode.CHAIN_LEG_NOT_DELIVERED, "Leg " + legNumber + " is "
                    + leg.state() + "; only a leg LGSP accepted (DELIVERED) can be acknowledged, once.",
                    List.of(new Violation("leg", "state is " + leg.state())));
        }
        exchange.getIn().setBody(ChainView.of(legs.ofDossier(dossierCode)));
    }

    private List<ChainLegs.Row> visibleLegs(Exchange exchange, String dossierCode) {
        ClientIdentity client = exchange.getProperty(ExchangeKeys.CLIENT, ClientIdentity.class);
        List<ChainLegs.Row> rows = legs.ofDossier(dossierCode);
        if (rows.isEmpty() || !client.mayActFor(store.agencyCodeOf(rows.get(0).messageId()).orElse(null))) {
            throw new GatewayException(ErrorCode.CHAIN_NOT_FOUND, "No chain started by this dossier is visible to "
                    + "this client.", List.of(new Violation("dossierCode", "not a chain dossier of your agencies")));
        }
        return rows;
    }

    private static int legNumber(Exchange exchange) {
        String text = exchange.getIn().getHeader("leg", String.class);
        if (text == null || !text.matches("[1-9][0-9]?") || Integer.parseInt(text) > MAX_LEG) {
            throw new GatewayException(ErrorCode.PATH_PARAMETER_INVALID, "The leg is not a leg number.",
                    List.of(new Violation("leg", "must be a number from 1 to " + MAX_LEG)));
        }
        return Integer.parseInt(text);
    }

    /** The body of {@code GET /api/v1/dossiers/{dossierCode}/chain}. */
    public record ChainView(String dossierCode, String chain, ChainState state, List<LegView> legs) {

        static ChainView of(List<ChainLegs.Row> rows) {
            List<LegView> views = rows.stream().map(LegView::of).toList();
            return new ChainView(rows.get(0).dossierCode(), rows.get(0).chain(),
                    ChainState.of(views.stream().map(LegView::state).toList()), views);
        }
    }

    /** One leg as the chain view shows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LegView(int leg, String agency, String procedure, LegState state, String messageId,
                          OffsetDateTime updatedAt) {

        static LegView of(ChainLegs.Row row) {
            return new LegView(row.leg(), row.agency(), row.procedure(), row.state(), row.messageId(),
                    row.updatedAt());
        }
    }
}
