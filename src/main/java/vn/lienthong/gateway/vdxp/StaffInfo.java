package vn.lienthong.gateway.vdxp;

/** The person behind a status or a trace: department, name ({@code Staff}), e-mail and mobile; each may be null. */
public record StaffInfo(String department, String name, String email, String mobile) {
}
