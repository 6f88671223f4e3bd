package vn.lienthong.gateway.messagelog;

/** How a message, or a request that carried no message, reached the gateway. */
public enum Channel {
    REST, SOAP, ADMIN, AUDIT, QUEUE, CONFIGURATION,
    /** Taken in from the document interchange axis by polling it. */
    VDXP;

    /** The channel of a request path: {@code /soap/…} SOAP, {@code /admin/…} ADMIN, {@code /audit/…} AUDIT, else REST. */
    public static Channel ofPath(String path) {
        if (path == null) {
            return REST;
        }
        if (path.startsWith("/soap/")) {
            return SOAP;
        }
        if (path.startsWith("/admin/")) {
            return ADMIN;
        }
        return path.startsWith("/audit/") ? AUDIT : REST;
    }
}
