package vn.lienthong.gateway.ingress;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import vn.lienthong.gateway.CodePattern;
import vn.lienthong.gateway.config.GatewayProperties;

/**
 * An authenticated client system: its id, roles, the agency-code patterns it may speak for, the operations it may
 * call and the destinations its messages may go to.
 */
public record ClientIdentity(String id, Set<String> roles, List<String> agencyPatterns, Set<Operation> operations,
                             Set<String> destinations) {

    public static final String ROLE_AGENCY = "AGENCY";
    public static final String ROLE_ADMIN = "ADMIN";
    public static final String ROLE_AUDITOR = "AUDITOR";

    /** The identity of a configured client, with its roles and rights. */
    public static ClientIdentity of(GatewayProperties.Client client) {
        return new ClientIdentity(client.getId(), new LinkedHashSet<>(client.getRoles()),
                List.copyOf(client.getAgencies()), Set.copyOf(client.getOperations()),
                Set.copyOf(client.getDestinations()));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Whether this client is an agency system allowed the operation. */
    public boolean mayCall(Operation operation) {
        return hasRole(ROLE_AGENCY) && operations.contains(operation);
    }

    /** Whether this client's messages may go to the destination. */
    public boolean maySendTo(String destination) {
        return destinations.contains(destination);
    }

    /** Whether this client may speak for an agency; {@code *} in a pattern stands for any characters. */
    public boolean mayActFor(String agencyCode) {
        return agencyCode != null && agencyPatterns.stream().anyMatch(p -> matches(p, agencyCode));
    }

    private static boolean matches(String pattern, String value) {
        return CodePattern.of(pattern).matches(value);
    }
}
