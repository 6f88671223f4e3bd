package vn.lienthong.gateway.vdxp;

/**
 * An organ as edXML names it in {@code From}, {@code To}: its organ id ({@code 000.00.17.H56}) and the contact details
 * that travel with it; every field but the id may be null.
 */
public record Organ(String organId, String organizationInCharge, String organName, String organAdd, String email,
                    String telephone, String fax, String website) {

    /** An organ known by its id and name only. */
    public static Organ of(String organId, String organName) {
        return new Organ(organId, null, organName, null, null, null, null, null);
    }
}
