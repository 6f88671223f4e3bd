package vn.lienthong.gateway.soap;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The bounds a SOAP request must stay within ({@code lienthong.soap.*}), handed to CXF's StAX reader and attachment
 * reader so that no request is read further than they allow.
 */
@Validated
@ConfigurationProperties(prefix = "lienthong.soap")
public class SoapProperties {

    @Min(8) @Max(1000)
    private int maxElementDepth = 32;
    @Min(1)
    private int maxChildElements = 1000;
    @Min(1)
    private int maxAttributeCount = 32;
    @NotNull
    private DataSize maxAttributeSize = DataSize.ofKilobytes(4);
    @NotNull
    private DataSize maxTextLength = DataSize.ofBytes(1_000_000);
    @Min(1)
    private long maxElementCount = 20_000;
    @NotNull
    private DataSize maxDocumentSize = DataSize.ofMegabytes(10);
    @Min(0)
    private int maxAttachments = 10;
    @NotNull
    private DataSize maxAttachmentSize = DataSize.ofMegabytes(10);
    @NotNull
    private DataSize maxAttachmentHeaderSize = DataSize.ofKilobytes(8);

    public int getMaxElementDepth() { return maxElementDepth; }
    public void setMaxElementDepth(int maxElementDepth) { this.maxElementDepth = maxElementDepth; }
    public int getMaxChildElements() { return maxChildElements; }
    public void setMaxChildElements(int maxChildElements) { this.maxChildElements = maxChildElements; }
    public int getMaxAttributeCount() { return maxAttributeCount; }
    public void setMaxAttributeCount(int maxAttributeCount) { this.maxAttributeCount = maxAttributeCount; }
    public DataSize getMaxAttributeSize() { return maxAttributeSize; }
    public void setMaxAttributeSize(DataSize maxAttributeSize) { this.maxAttributeSize = maxAttributeSize; }
    public DataSize getMaxTextLength() { return maxTextLength; }
    public void setMaxTextLength(DataSize maxTextLength) { this.maxTextLength = maxTextLength; }
    public long getMaxElementCount() { return maxElementCount; }
    public void setMaxElementCount(long maxElementCount) { this.maxElementCount = maxElementCount; }
    public DataSize getMaxDocumentSize() { return maxDocumentSize; }
    public void setMaxDocumentSize(DataSize maxDocumentSize) { this.maxDocumentSize = maxDocumentSize; }
    public int getMaxAttachments() { return maxAttachments; }
    public void setMaxAttachments(int maxAttachments) { this.maxAttachments = maxAttachments; }
    public DataSize getMaxAttachmentSize() { return maxAttachmentSize; }
    public void setMaxAttachmentSize(DataSize maxAttachmentSize) { this.maxAttachmentSize = maxAttachmentSize; }
    public DataSize getMaxAttachmentHeaderSize() { return maxAttachmentHeaderSize; }
    public void setMaxAttachmentHeaderSize(DataSize maxAttachmentHeaderSize) { this.maxAttachmentHeaderSize = maxAttachmentHeaderSize; }
}
