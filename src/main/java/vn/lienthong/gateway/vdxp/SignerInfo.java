package vn.lienthong.gateway.vdxp;

/** Who signed a document on paper: competence ("TM. UBND"), position and full name; each may be null. */
public record SignerInfo(String competence, String position, String fullName) {
}
