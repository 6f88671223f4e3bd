package vn.lienthong.gateway.vdxp;

import java.util.regex.Pattern;

/** The form of an organ id (mã định danh cơ quan): {@code 000.00.17.H56}. */
public final class OrganIds {

    private static final Pattern FORM = Pattern.compile("[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}");

    private OrganIds() {
    }

    public static boolean isValid(String organId) {
        return organId != null && FORM.matcher(organId).matches();
    }
}
