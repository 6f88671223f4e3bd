package vn.lienthong.gateway.vdxp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One element of an edXML file as the parser keeps it: its local name, its text (or, for an attachment's content,
 * the decoded bytes) and its children, with its path for error messages.
 */
final class XmlNode {

    private final String name;
    private final XmlNode parent;
    private final List<XmlNode> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private byte[] bytes;

    XmlNode(String name, XmlNode parent) {
        this.name = name;
        this.parent = parent;
        if (parent != null) {
            parent.children.add(this);
        }
    }

    String name() {
        return name;
    }

    XmlNode parent() {
        return parent;
    }

    void appendText(char[] characters, int start, int length) {
        text.append(characters, start, length);
    }

    int textLength() {
        return text.length();
    }

    /** The text without leading and trailing white space, or null when there is none. */
    String text() {
        String value = text.toString().strip();
        return value.isEmpty() ? null : value;
    }

    void bytes(byte[] decoded) {
        this.bytes = decoded;
    }

    /** The decoded content of an attachment, or null for any other element. */
    byte[] bytes() {
        return bytes;
    }

    List<XmlNode> children(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    Optional<XmlNode> child(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst();
    }

    /** The first child of one of these names, in the order given. */
    Optional<XmlNode> child(String childName, String alternative) {
        return child(childName).or(() -> child(alternative));
    }

    /**
     * {@code /edXML/edXMLEnvelope/.../To[1]/OrganId}: the position of an item of a list, and of any element whose
     * parent has more than one of its name.
     */
    String path() {
        if (parent == null) {
            return "/" + name;
        }
        List<XmlNode> same = parent.children(name);
        String step = same.size() > 1 || Edxml.isListItem(parent.name, name)
                ? name + "[" + (same.indexOf(this) + 1) + "]" : name;
        return parent.path() + "/" + step;
    }

    /** The path of a child this element should have. */
    String path(String childName) {
        return path() + "/" + childName;
    }
}
