package vn.lienthong.gateway;

import java.util.regex.Pattern;

/**
 * A pattern over organ, agency or procedure codes as operators write them in the configuration: {@code *} stands for
 * any characters (none included), everything else for itself, e.g. {@code *.H56} or {@code 1.001193.*}.
 */
public final class CodePattern {

    private final String text;
    private final Pattern regex;

    private CodePattern(String text) {
        this.text = text;
        StringBuilder regex = new StringBuilder();
        for (String part : text.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        this.regex = Pattern.compile(regex.toString());
    }

    public static CodePattern of(String text) {
        return new CodePattern(text);
    }

    /** Whether the whole code matches; a null code never does. */
    public boolean matches(String code) {
        return code != null && regex.matcher(code).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
