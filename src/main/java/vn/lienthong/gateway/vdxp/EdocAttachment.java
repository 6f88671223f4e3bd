package vn.lienthong.gateway.vdxp;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file carried in an edXML document: its name, content type, description (may be null) and bytes. The bytes are
 * not copied (attachments are large): whoever hands them over must not change them afterwards.
 */
public record EdocAttachment(String name, String contentType, String description, byte[] content) {

    public EdocAttachment {
        Objects.requireNonNull(content, "content");
    }

    public long size() {
        return content.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EdocAttachment that && Objects.equals(name, that.name)
                && Objects.equals(contentType, that.contentType) && Objects.equals(description, that.description)
                && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, contentType, description, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "EdocAttachment[name=" + name + ", contentType=" + contentType + ", size=" + content.length + "]";
    }
}
