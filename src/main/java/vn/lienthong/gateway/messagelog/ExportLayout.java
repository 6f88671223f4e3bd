package vn.lienthong.gateway.messagelog;

import java.util.regex.Pattern;

/** The files of a {@value #FORMAT} export archive, their names and the bounds a verifier holds them to. */
final class ExportLayout {

    /** The format name of an export's manifest. */
    static final String FORMAT = "lienthong-export/1";

    static final String MANIFEST = "manifest.json";
    static final String MANIFEST_SIGNATURE = "manifest.p7s";
    static final String ENTRIES = "entries.jsonl";
    static final String LEAVES = "leaves.bin";
    static final String PAYLOADS_ABSENT = "payloads-absent.jsonl";
    static final String PAYLOADS_DIR = "payloads/";
    static final String CHECKPOINTS_DIR = "checkpoints/";
    static final String CERTIFICATES_DIR = "certificates/";

    /** Every name a file of an export may have; anything else in an archive is refused. */
    static final Pattern NAME = Pattern.compile("manifest\\.json|manifest\\.p7s|entries\\.jsonl|leaves\\.bin"
            + "|payloads-absent\\.jsonl|payloads/[0-9a-f]{64}|checkpoints/[1-9][0-9]{0,18}\\.(json|p7s|tsr)"
            + "|certificates/[0-9]\\.der");
    static final Pattern CHECKPOINT_HEAD = Pattern.compile("checkpoints/([1-9][0-9]{0,18})\\.json");
    static final Pattern CHECKPOINT_TIMESTAMP = Pattern.compile("checkpoints/([1-9][0-9]{0,18})\\.tsr");
    static final Pattern CERTIFICATE = Pattern.compile("certificates/([0-9])\\.der");

    /** The largest manifest a verifier reads. */
    static final int MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
    /** The largest signature, certificate or signed tree head a verifier reads. */
    static final int MAX_SMALL_FILE_BYTES = 64 * 1024;
    /** The most checkpoints one export may hold (each is two files listed in the manifest). */
    static final int MAX_CHECKPOINTS = 50_000;
    /** The most files an archive may hold before its names are even looked at. */
    static final int MAX_FILES = 20_000_000;
    /** The longest line of {@code entries.jsonl} (a canonical entry is far shorter). */
    static final int MAX_LINE_BYTES = 64 * 1024;
    /** Bytes of a leaf hash in {@code leaves.bin}. */
    static final int LEAF_BYTES = 32;

    private ExportLayout() {
    }

    /** Whether a name is {@code payloads/} and 64 lower-case hex digits (the common case, checked without a regex). */
    static boolean isPayload(String name) {
        if (name.length() != PAYLOADS_DIR.length() + 64 || !name.startsWith(PAYLOADS_DIR)) {
            return false;
        }
        for (int i = PAYLOADS_DIR.length(); i < name.length(); i++) {
            char c = name.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    /** Whether a name is one an export's file may have. */
    static boolean isExportFile(String name) {
        return isPayload(name) || NAME.matcher(name).matches();
    }

    static String checkpointHead(long size) {
        return CHECKPOINTS_DIR + size + ".json";
    }

    static String checkpointSignature(long size) {
        return CHECKPOINTS_DIR + size + ".p7s";
    }

    /** The RFC 3161 timestamp token (DER) over a checkpoint's signature, when the checkpoint has one. */
    static String checkpointTimestamp(long size) {
        return CHECKPOINTS_DIR + size + ".tsr";
    }

    static String certificate(int position) {
        return CERTIFICATES_DIR + position + ".der";
    }

    static String payload(String sha256) {
        return PAYLOADS_DIR + sha256;
    }
}
