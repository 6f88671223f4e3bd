package vn.lienthong.gateway.messagelog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The manifest of an export archive ({@code manifest.json}, signed in {@code manifest.p7s}): which node and index
 * range it holds, the frontier of the tree before the range, what it holds and left out, and the SHA-256 and size of
 * every file except the payloads (which are named by their SHA-256).
 */
public record ExportManifest(String nodeId, Instant createdAt, Instant from, Instant to, long firstIndex, long endIndex,
                      List<byte[]> frontier, long entriesInRequestedRange, long notYetCheckpointed,
                      long notYetSealed, long payloads, long payloadsAbsent, long largestPayloadBytes,
                      List<ExportFile> files) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    /** A file of the archive: its name, its SHA-256 (lower-case hex) and its size in bytes. */
    public record ExportFile(String path, String sha256, long bytes) {
    }

    public long entries() {
        return endIndex - firstIndex;
    }

    /** The manifest as written into the archive: indented UTF-8 JSON. */
    byte[] toJson() {
        ObjectNode m = JSON.createObjectNode();
        m.put("format", ExportLayout.FORMAT);
        m.put("nodeId", nodeId);
        m.put("createdAt", createdAt.toString());
        m.put("from", from == null ? null : from.toString());
        m.put("to", to == null ? null : to.toString());
        m.put("firstIndex", firstIndex);
        m.put("endIndex", endIndex);
        ArrayNode f = m.putArray("frontier");
        frontier.forEach(hash -> f.add(HexFormat.of().formatHex(hash)));
        ObjectNode entries = m.putObject("entries");
        entries.put("count", entries());
        entries.put("inRequestedRange", entriesInRequestedRange);
        entries.put("outsideRequestedRange", entries() - entriesInRequestedRange);
        entries.put("note", "entries firstIndex..endIndex-1, contiguous so that the tree can be recomputed: from the "
                + "first sealed entry at or after 'from' to the end of the first signed checkpoint covering the last "
                + "entry before 'to'; entries outside [from, to) in between are included");
        ObjectNode leftOut = m.putObject("leftOut");
        leftOut.put("notYetCheckpointed", notYetCheckpointed);
        leftOut.put("notYetSealed", notYetSealed);
        leftOut.put("why", "entries of [from, to) that no signed checkpoint covers yet, or that are not yet sealed "
                + "into the tree, cannot be proven and are not exported; export them again after the next checkpoint");
        ObjectNode payloadCounts = m.putObject("payloads");
        payloadCounts.put("included", payloads);
        payloadCounts.put("absent", payloadsAbsent);
        payloadCounts.put("largestBytes", largestPayloadBytes);
        ArrayNode list = m.putArray("files");
        for (ExportFile file : files) {
            list.addObject().put("path", file.path()).put("sha256", file.sha256()).put("bytes", file.bytes());
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a manifest strictly: every field present and well formed, or the first problem. */
    static ExportManifest parse(byte[] json) throws OfflineVerifier.Invalid {
        JsonNode m;
        try {
            m = JSON.readTree(json);
        } catch (IOException e) {
            throw invalid("it is not JSON (or holds a key twice): " + e.getMessage());
        }
        if (m == null || !ExportLayout.FORMAT.equals(m.path("format").asText(null))) {
            throw invalid("it is not a " + ExportLayout.FORMAT + " manifest");
        }
        String nodeId = m.path("nodeId").asText("");
        if (!nodeId.matches("[A-Za-z0-9._-]{1,64}")) {
            throw invalid("its nodeId is missing or malformed");
        }
        long firstIndex = whole(m, "firstIndex");
        long endIndex = whole(m, "endIndex");
        if (endIndex <= firstIndex) {
            throw invalid("endIndex " + endIndex + " is not after firstIndex " + firstIndex + ": the export holds no entry");
        }
        List<byte[]> frontier = new ArrayList<>();
        for (JsonNode hash : m.path("frontier")) {
            frontier.add(hash(hash, "frontier"));
        }
        if (frontier.size() != Long.bitCount(firstIndex)) {
            throw invalid("its frontier has " + frontier.size() + " hashes; a tree of " + firstIndex + " entries has "
                    + Long.bitCount(firstIndex));
        }
        JsonNode entries = m.path("entries");
        if (whole(entries, "count") != endIndex - firstIndex) {
            throw invalid("its entry count does not match firstIndex and endIndex");
        }
        List<ExportFile> files = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        JsonNode list = m.path("files");
        if (!list.isArray()) {
            throw invalid("it lists no files");
        }
        for (JsonNode file : list) {
            String path = file.path("path").asText("");
            if (!ExportLayout.NAME.matcher(path).matches() || ExportLayout.isPayload(path)
                    || path.startsWith("manifest.") || !paths.add(path)) {
                throw invalid("it lists a file that cannot be part of an export, or lists it twice: " + path);
            }
            files.add(new ExportFile(path, HexFormat.of().formatHex(hash(file.path("sha256"), path)), whole(file, "bytes")));
        }
        JsonNode payloads = m.path("payloads");
        return new ExportManifest(nodeId, time(m, "createdAt", false), time(m, "from", true), time(m, "to", true),
                firstIndex, endIndex, frontier, whole(entries, "inRequestedRange"),
                whole(m.path("leftOut"), "notYetCheckpointed"), whole(m.path("leftOut"), "notYetSealed"),
                whole(payloads, "included"), whole(payloads, "absent"), whole(payloads, "largestBytes"), files);
    }

    private static long whole(JsonNode node, String field) throws OfflineVerifier.Invalid {
        JsonNode value = node.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw invalid("its " + field + " is missing or not a whole number");
        }
        return value.asLong();
    }

    private static byte[] hash(JsonNode node, String what) throws OfflineVerifier.Invalid {
        String text = node.asText("");
        if (!node.isTextual() || !HASH.matcher(text).matches()) {
            throw invalid("a hash of " + what + " is not 64 lower-case hex digits");
        }
        return HexFormat.of().parseHex(text);
    }

    private static Instant time(JsonNode m, String field, boolean optional) throws OfflineVerifier.Invalid {
        JsonNode value = m.path(field);
        if (optional && value.isNull()) {
            return null;
        }
        try {
            return Instant.parse(value.asText(""));
        } catch (DateTimeParseException e) {
            throw invalid("its " + field + " is not an ISO-8601 instant");
        }
    }

    private static OfflineVerifier.Invalid invalid(String why) {
        return new OfflineVerifier.Invalid("manifest: " + why);
    }
}
