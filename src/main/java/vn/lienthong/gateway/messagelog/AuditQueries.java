package vn.lienthong.gateway.messagelog;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.ExchangeKeys;
import vn.lienthong.gateway.ingress.ClientIdentity;

/** Answers the auditors' calls on the message log, recording each one with the auditor who made it. */
@Component("auditQueries")
public class AuditQueries {

    private final MessageLogVerifier verifier;
    private final MessageStore store;

    AuditQueries(MessageLogVerifier verifier, MessageStore store) {
        this.verifier = verifier;
        this.store = store;
    }

    /** {@code GET /audit/verify}: checks the live log and puts the verdict in the body. */
    public void verify(Exchange exchange) {
        LogVerification verdict = verifier.verify();
        ClientIdentity auditor = exchange.getProperty(ExchangeKeys.CLIENT, ClientIdentity.class);
        store.recordAuditAction(auditor.id(), exchange.getProperty(ExchangeKeys.REMOTE_ADDRESS, String.class),
                "verified the message log: " + (verdict.valid() ? "valid, " + verdict.entries() + " entries"
                        : "INVALID at entry " + verdict.badIndex()));
        exchange.getIn().setBody(verdict);
    }
}
