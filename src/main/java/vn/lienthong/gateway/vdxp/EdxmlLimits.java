package vn.lienthong.gateway.vdxp;

/**
 * How much of an edXML file the parser reads before it refuses it: total bytes, attachments (count, decoded size),
 * and the structure (nesting, elements, attributes, text of one element other than an attachment).
 */
public record EdxmlLimits(long maxEdxmlSize, int maxAttachments, long maxAttachmentSize, int maxDepth,
                          int maxElements, int maxAttributes, int maxAttributeLength, int maxTextLength) {

    /** edXML nests about ten levels; an enveloped signature adds five. */
    public static final int MAX_DEPTH = 32;
    public static final int MAX_ELEMENTS = 20_000;
    public static final int MAX_ATTRIBUTES = 16;
    public static final int MAX_ATTRIBUTE_LENGTH = 4096;
    public static final int MAX_TEXT_LENGTH = 1_000_000;

    public EdxmlLimits {
        if (maxEdxmlSize < 1 || maxAttachments < 0 || maxAttachmentSize < 0 || maxDepth < 4 || maxElements < 1
                || maxAttributes < 0 || maxAttributeLength < 0 || maxTextLength < 1) {
            throw new IllegalArgumentException("edXML limits must be positive");
        }
    }

    /** The limits of the settings, with the fixed structural ones. */
    public static EdxmlLimits of(VdxpProperties settings) {
        return new EdxmlLimits(settings.getMaxEdxmlSize().toBytes(), settings.getMaxAttachments(),
                settings.getMaxAttachmentSize().toBytes(), MAX_DEPTH, MAX_ELEMENTS, MAX_ATTRIBUTES,
                MAX_ATTRIBUTE_LENGTH, MAX_TEXT_LENGTH);
    }

    /** The defaults of {@link VdxpProperties}. */
    public static EdxmlLimits defaults() {
        return of(new VdxpProperties());
    }
}
