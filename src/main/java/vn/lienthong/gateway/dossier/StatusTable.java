package vn.lienthong.gateway.dossier;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import vn.lienthong.gateway.config.GatewayProperties;

/** The dossier status table of {@code lienthong.dossier.transitions}: which status may follow which. */
@Component
public class StatusTable {

    private final Map<DossierStatus, EnumSet<DossierStatus>> next = new EnumMap<>(DossierStatus.class);

    @Autowired
    StatusTable(GatewayProperties properties) {
        this(properties.getDossier().getTransitions());
    }

    StatusTable(Map<DossierStatus, List<DossierStatus>> transitions) {
        for (DossierStatus status : DossierStatus.values()) {
            List<DossierStatus> allowed = transitions.getOrDefault(status, List.of());
            next.put(status, allowed.isEmpty() ? EnumSet.noneOf(DossierStatus.class) : EnumSet.copyOf(allowed));
        }
    }

    /** Whether a progress step may lead from one status to the other. */
    public boolean allows(DossierStatus from, DossierStatus to) {
        return next.get(from).contains(to);
    }

    /** The statuses that may follow one, empty for a final status. */
    public Set<DossierStatus> after(DossierStatus from) {
        return EnumSet.copyOf(next.get(from));
    }
}
