package vn.lienthong.gateway.chain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

/** The configured chains, looked up by the procedure that starts them or by name. */
@Component
public class ChainCatalog {

    private final Map<String, Chain> byName = new TreeMap<>();

    ChainCatalog(ChainProperties properties) {
        properties.getChains().forEach((name, chain) -> byName.put(name, new Chain(name,
                chain.getLegs().stream().map(l -> new Leg(l.getAgency(), l.getAgencyName(), l.getProcedure(),
                        l.getService())).toList())));
    }

    /** The chain a dossier of this procedure starts, if any. */
    public Optional<Chain> startedBy(String procedureCode) {
        return byName.values().stream().filter(c -> c.legs().get(0).procedure().equals(procedureCode)).findFirst();
    }

    /** The chain of this name, if configured. */
    public Optional<Chain> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** A chain and its legs in order. */
    public record Chain(String name, List<Leg> legs) {
    }

    /** One leg of a chain. */
    public record Leg(String agency, String agencyName, String procedure, String service) {
    }
}
