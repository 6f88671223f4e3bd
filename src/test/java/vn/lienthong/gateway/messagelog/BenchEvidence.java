package vn.lienthong.gateway.messagelog;

import java.time.Clock;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import vn.lienthong.gateway.signature.SigningIdentity;

/** Gives the benchmark harness the evidence of a dossier as the auditors' route builds it. */
public final class BenchEvidence {

    private BenchEvidence() {
    }

    public static Function<String, ObjectNode> over(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                                    SigningIdentity gateway) {
        DossierEvidence evidence = new DossierEvidence(jdbc, new MessageStore(jdbc, transactions, Clock.systemUTC()), gateway);
        return evidence::evidenceFor;
    }
}
