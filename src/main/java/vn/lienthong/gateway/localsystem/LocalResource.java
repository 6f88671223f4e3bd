package vn.lienthong.gateway.localsystem;

/** What a local document system is given: an incoming document or a status message (docs/vdxp-adapter.md). */
public enum LocalResource {
    DOCUMENTS("documents"),
    STATUS("status");

    private final String path;

    LocalResource(String path) {
        this.path = path;
    }

    /** The last segment of the URL it is posted to. */
    public String path() {
        return path;
    }
}
