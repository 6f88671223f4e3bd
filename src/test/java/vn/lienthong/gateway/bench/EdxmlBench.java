package vn.lienthong.gateway.bench;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import vn.lienthong.gateway.signature.SigningIdentity;
import vn.lienthong.gateway.signature.XmlSigner;
import vn.lienthong.gateway.vdxp.Business;
import vn.lienthong.gateway.vdxp.DocumentCode;
import vn.lienthong.gateway.vdxp.DocumentId;
import vn.lienthong.gateway.vdxp.DocumentType;
import vn.lienthong.gateway.vdxp.EdocAttachment;
import vn.lienthong.gateway.vdxp.EdocDocument;
import vn.lienthong.gateway.vdxp.EdocRules;
import vn.lienthong.gateway.vdxp.EdxmlBuilder;
import vn.lienthong.gateway.vdxp.EdxmlLimits;
import vn.lienthong.gateway.vdxp.EdxmlParser;
import vn.lienthong.gateway.vdxp.EdxmlWriter;
import vn.lienthong.gateway.vdxp.Organ;
import vn.lienthong.gateway.vdxp.OtherInfo;
import vn.lienthong.gateway.vdxp.Promulgation;
import vn.lienthong.gateway.vdxp.SignerInfo;
import vn.lienthong.gateway.vdxp.StaffInfo;
import vn.lienthong.gateway.vdxp.TraceHeader;
import vn.lienthong.gateway.vdxp.TraceInfo;
import vn.lienthong.gateway.vdxp.VdxpProperties;

/**
 * Prints how long the gateway takes to build the edXML of an official document with one attachment of each given
 * size (default 100 KiB and 10 MiB): rules checked and the file written into a byte array, and streamed to an output
 * that discards it; with the bytes allocated per build next to the attachment's size, and, for comparison, the time to
 * parse the file back. One thread. With {@code --sign}, also the whole step of the delivery worker: build and sign
 * with the gateway's key ({@code EdxmlWriter}: XML-DSig RSA-SHA256 enveloped in the header, the sample key of
 * certs-sample). Run by {@code bench/edxml-figures.sh} and {@code bench/document-figures.sh}.
 */
public final class EdxmlBench {

    private static final Duration RUN = Duration.ofSeconds(6);
    private static final int MAX_RUNS = 100_000;

    private EdxmlBench() {
    }

    public static void main(String[] args) {
        List<Integer> sizes = new ArrayList<>();
        boolean sign = false;
        for (String arg : args) {
            if (arg.equals("--sign")) {
                sign = true;
            } else {
                sizes.add(Integer.parseInt(arg));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(100 * 1024, 10 * 1024 * 1024);
        }
        VdxpProperties settings = new VdxpProperties();
        EdxmlBuilder builder = new EdxmlBuilder(EdocRules.of(settings));
        EdxmlParser parser = new EdxmlParser(EdxmlLimits.of(settings));
        EdxmlWriter writer = sign ? EdxmlWriter.of(builder, new XmlSigner(SigningIdentity.fromPkcs12(
                Path.of("certs-sample/gateway-signing.p12"), "sandbox".toCharArray(), null))) : null;
        System.out.printf("%d available processors, max heap %,d MiB; one thread; %s per figure%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, RUN);
        for (int size : sizes) {
            EdocDocument document = document(size);
            byte[] edxml = builder.toBytes(document);
            System.out.printf("%nattachment %,d bytes -> edXML %,d bytes%n", size, edxml.length);
            report("build into byte[]", size, () -> builder.toBytes(document));
            report("build streamed (discarded)", size, () -> builder.write(document, OutputStream.nullOutputStream()));
            report("parse (for comparison)", size, () -> parser.parse(new ByteArrayInputStream(edxml)));
            if (writer != null) {
                report("build + sign (gateway key)", size, () -> writer.signed(document));
            }
        }
    }

    private static EdocDocument document(int attachmentSize) {
        byte[] content = new byte[attachmentSize];
        new Random(attachmentSize).nextBytes(content);
        Organ from = new Organ("000.00.17.H56", "UBND tỉnh Quảng Trị", "UBND xã Hải Trường", "Hải Lăng, Quảng Trị",
                "vanthu@haitruong.gov.vn", null, null, null);
        LocalDate day = LocalDate.of(2024, 3, 5);
        DocumentCode code = new DocumentCode("57", "UBND-TP");
        return new EdocDocument(from, List.of(Organ.of("000.00.00.G22", "Văn phòng Chính phủ")), code,
                new Promulgation("Hải Lăng", day), new DocumentType("1", "0", "Công văn"),
                "Báo cáo tình hình tiếp nhận và giải quyết hồ sơ thủ tục hành chính quý I", "Kính gửi Văn phòng Chính phủ",
                new SignerInfo("TM. UBND", "Chủ tịch", "Hồ Quang Thuận"), null, OtherInfo.ofPriority(0), List.of(), 1,
                List.of(), new TraceInfo(List.of(new TraceHeader(from.organId(), LocalDateTime.of(2024, 3, 5, 9, 0))),
                        Business.newDocument(DocumentId.of(from.organId(), day, code),
                                new StaffInfo("Văn thư", "Nguyễn Thị Lan", null, null))),
                List.of(new EdocAttachment("bao-cao.pdf", "application/pdf", "Báo cáo quý I", content)));
    }

    private static void report(String what, int size, Runnable operation) {
        for (int i = 0; i < 5; i++) {
            operation.run();
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long[] times = new long[MAX_RUNS];
        int n = 0;
        long start = System.nanoTime();
        long end = start + RUN.toNanos();
        while (System.nanoTime() < end && n < times.length) {
            long t = System.nanoTime();
            operation.run();
            times[n++] = System.nanoTime() - t;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double allocated = (double) (threads.getCurrentThreadAllocatedBytes() - allocatedBefore) / n;
        long[] sorted = Arrays.copyOf(times, n);
        Arrays.sort(sorted);
        System.out.printf("  %-28s %8.1f /s   p50 %8.2f ms   p99 %8.2f ms   %7.1f MB/s   allocated %5.2f x attachment"
                        + "   (%d runs)%n", what, n / seconds, sorted[n / 2] / 1e6,
                sorted[Math.min(n - 1, (int) (n * 0.99))] / 1e6, size * (n / seconds) / 1e6, allocated / size, n);
    }
}
