package vn.lienthong.gateway.vdxp;

/** Which characters XML 1.0 can carry: tab, line breaks, and U+0020 to U+10FFFF but surrogates, U+FFFE, U+FFFF. */
final class XmlCharacters {

    private XmlCharacters() {
    }

    static boolean allLegal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return false;
            }
            if (Character.isLowSurrogate(c) || c == 0xFFFE || c == 0xFFFF
                    || c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }
}
