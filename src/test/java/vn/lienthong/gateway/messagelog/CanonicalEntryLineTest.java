package vn.lienthong.gateway.messagelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The verifier's line check accepts exactly the canonical forms {@link LogEntry#parse} accepts (its byte-level fast
 * path never accepts more), and reads the index, node and payload hash they hold.
 */
class CanonicalEntryLineTest {

    private static final byte[] NODE = "gateway-1".getBytes(StandardCharsets.US_ASCII);
    private static final String[] TEXTS = {null, "", "sandbox-agency", "đã nhận hồ sơ", "quote \" and \\ back",
            "tab\tnew\nline", "\u0001\u007f", "/slash", "emoji \uD83D\uDE00", "x".repeat(1000)};

    @Test
    void acceptsTheCanonicalFormOfAnyEntryAndReadsItsFields() {
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            LogEntry entry = randomEntry(random, i);
            byte[] line = entry.canonicalBytes();
            CanonicalEntryLine.Fields fields = new CanonicalEntryLine.Fields();

            assertThat(CanonicalEntryLine.check(line, 0, line.length, NODE, fields)).as(new String(line,
                    StandardCharsets.UTF_8)).isNull();
            assertThat(fields.index).isEqualTo(entry.index());
            assertThat(fields.nodeMatches).isEqualTo("gateway-1".equals(entry.nodeId()));
            assertThat(fields.payloadSha256).isEqualTo(entry.payloadSha256());
        }
    }

    @Test
    void decidesEveryAlteredLineAsTheCanonicalParserDoes() {
        Random random = new Random(7);
        byte[] replacements = "0123456789 \"\\{}:,.-TZnul\u00ff\u0000\u0080".getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 20_000; i++) {
            byte[] line = randomEntry(random, i).canonicalBytes();
            int at = random.nextInt(line.length);
            byte[] altered = random.nextBoolean() ? line.clone() : new byte[line.length + 1];
            if (altered.length == line.length) {
                altered[at] = replacements[random.nextInt(replacements.length)];
            } else {
                System.arraycopy(line, 0, altered, 0, at);
                altered[at] = replacements[random.nextInt(replacements.length)];
                System.arraycopy(line, at, altered, at + 1, line.length - at);
            }

            boolean accepted = CanonicalEntryLine.check(altered, 0, altered.length, NODE,
                    new CanonicalEntryLine.Fields()) == null;

            assertThat(accepted).as(new String(altered, StandardCharsets.ISO_8859_1)).isEqualTo(parserAccepts(altered));
        }
    }

    @Test
    void refusesLinesThatAreNoEntryAndSaysWhy() {
        for (String text : new String[] {"", "{}", "null", "{\"nodeId\":\"gateway-1\"}", "[1,2]"}) {
            byte[] line = text.getBytes(StandardCharsets.UTF_8);
            assertThat(CanonicalEntryLine.check(line, 0, line.length, NODE, new CanonicalEntryLine.Fields()))
                    .as(text).isNotNull();
        }
    }

    @Test
    void checksALineInsideALargerBuffer() {
        byte[] line = randomEntry(new Random(1), 5).canonicalBytes();
        byte[] buffer = new byte[line.length + 20];
        Arrays.fill(buffer, (byte) '\n');
        System.arraycopy(line, 0, buffer, 10, line.length);
        CanonicalEntryLine.Fields fields = new CanonicalEntryLine.Fields();

        assertThat(CanonicalEntryLine.check(buffer, 10, line.length, NODE, fields)).isNull();
        assertThat(fields.index).isEqualTo(5);
    }

    private static boolean parserAccepts(byte[] line) {
        try {
            LogEntry entry = LogEntry.parse(new String(line, StandardCharsets.UTF_8));
            return Arrays.equals(entry.canonicalBytes(), line);
        } catch (LogEntry.NotCanonical e) {
            return false;
        }
    }

    private static LogEntry randomEntry(Random random, long index) {
        return new LogEntry(random.nextInt(5) == 0 ? "gateway-2" : "gateway-1", index, 1 + random.nextInt(1_000_000),
                Instant.ofEpochMilli(random.nextLong(4_000_000_000_000L)), text(random), text(random), text(random),
                text(random), text(random), text(random), text(random), text(random), text(random), text(random),
                text(random), random.nextBoolean() ? null : "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    }

    private static String text(Random random) {
        return random.nextInt(3) == 0 ? "plain-" + random.nextInt(100) : TEXTS[random.nextInt(TEXTS.length)];
    }
}
