package vn.lienthong.gateway.vdxp;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** Settings of the document interchange axis (VDXP) and of the edXML the gateway reads and writes. */
@Validated
@ConfigurationProperties(prefix = "lienthong.vdxp")
public class VdxpProperties {

    /** Most attachments one document may carry. */
    @Min(1) @Max(1000)
    private int maxAttachments = 20;
    /** Largest attachment, decoded. */
    @NotNull
    private DataSize maxAttachmentSize = DataSize.ofMegabytes(10);
    /** Largest edXML file read, attachments (base64) included. */
    @NotNull
    private DataSize maxEdxmlSize = DataSize.ofMegabytes(64);

    public int getMaxAttachments() { return maxAttachments; }
    public void setMaxAttachments(int maxAttachments) { this.maxAttachments = maxAttachments; }
    public DataSize getMaxAttachmentSize() { return maxAttachmentSize; }
    public void setMaxAttachmentSize(DataSize maxAttachmentSize) { this.maxAttachmentSize = maxAttachmentSize; }
    public DataSize getMaxEdxmlSize() { return maxEdxmlSize; }
    public void setMaxEdxmlSize(DataSize maxEdxmlSize) { this.maxEdxmlSize = maxEdxmlSize; }

    @AssertTrue(message = "lienthong.vdxp.max-attachment-size must be at least 1 byte and, base64-encoded, fit in "
            + "lienthong.vdxp.max-edxml-size")
    public boolean isAttachmentSizeConsistent() {
        return maxAttachmentSize == null || maxEdxmlSize == null
                || maxAttachmentSize.toBytes() >= 1 && maxAttachmentSize.toBytes() / 3 * 4 < maxEdxmlSize.toBytes();
    }
}
