package vn.lienthong.gateway.ingress;

import java.util.List;
import java.util.Set;

/** An authenticated client system: its id, roles, and the agency-code patterns it may speak for. */
public record ClientIdentity(String id, Set<String> roles, List<String> agencyPatterns) {

    public static final String ROLE_AGENCY = "AGENCY";
    public static final String ROLE_ADMIN = "ADMIN";
    public static final String ROLE_AUDITOR = "AUDITOR";

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Whether this client may speak for an agency; {@code *} in a pattern stands for any characters. */
    public boolean mayActFor(String agencyCode) {
        return agencyPatterns.stream().anyMatch(p -> matches(p, agencyCode));
    }

    private static boolean matches(String pattern, String value) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(java.util.regex.Pattern.quote(part));
        }
        return value.matches(regex.toString());
    }
}
