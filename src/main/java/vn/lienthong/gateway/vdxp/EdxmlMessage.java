package vn.lienthong.gateway.vdxp;

/** What an edXML file carries: an official document or a status message about one. */
public sealed interface EdxmlMessage permits EdocDocument, EdocStatus {

    /** The organ that sends it. */
    Organ from();
}
