package vn.lienthong.gateway.messagelog;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.lienthong.gateway.messagelog.ExportManifest.ExportFile;
import vn.lienthong.gateway.messagelog.OfflineVerifier.Invalid;
import vn.lienthong.gateway.messagelog.merkle.CompactMerkleTree;
import vn.lienthong.gateway.signature.CmsSignerVerifier;
import vn.lienthong.gateway.signature.CmsVerifier;
import vn.lienthong.gateway.signature.TimestampTokens;
import vn.lienthong.gateway.signature.TimestampVerdict;

/**
 * Checks a {@value ExportLayout#FORMAT} archive offline: the manifest's signature (with the certificate of
 * {@code certificates/0.der}, chained to a {@code --trust} anchor when one is given), the size and SHA-256 of every
 * file it lists and that nothing else is in the archive, every checkpoint's signature; then, resuming the tree from
 * the manifest's frontier, that every line of {@code entries.jsonl} is the canonical entry of its index and node whose
 * leaf is the one recorded in {@code leaves.bin}, that the tree gives the signed root at every checkpoint, and that
 * every payload an entry refers to is in the archive (named by its SHA-256, which its content must give) or listed as
 * absent. Lines are checked and hashed on worker threads ({@link EntryChunk}); the tree is built in order on the
 * calling thread; checkpoints, then payloads, are checked on threads of their own meanwhile.
 */
final class ExportVerifier {

    private static final int CHUNK_BYTES = 1 << 20;
        private static final long PROGRESS_NANOS = 1_000_000_000L;
    private static final int PAYLOADS_PER_TASK = 512;
    private static final int CHECKPOINTS_PER_TASK = 64;
    private static final Pattern CHECKPOINT_SIGNATURE = Pattern.compile("checkpoints/([0-9]+)\\.p7s");

    private final ExportArchive archive;
    private final List<X509Certificate> anchors;
    private final PrintStream progress;
    private final int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    ExportVerifier(ExportArchive archive, List<X509Certificate> anchors, PrintStream progress) {
        this.archive = archive;
        this.anchors = anchors;
        this.progress = progress;
    }

    /** Checks the archive and answers the summary line, or throws naming the first bad entry or file. */
    String verify() throws Invalid, IOException {
        ExecutorService workers = pool("export-verifier", threads);
        ExecutorService payloadWorkers = pool("export-payload-verifier", threads);
        ExecutorService reader = pool("export-reader", 1);
        try {
            return verify(workers, payloadWorkers, reader);
        } finally {
            workers.shutdownNow();
            payloadWorkers.shutdownNow();
            reader.shutdownNow();
        }
    }

    private static ExecutorService pool(String name, int threads) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** The payloads are checked on threads of their own, beside the pass over the entries. */
    private String verify(ExecutorService workers, ExecutorService payloadWorkers, ExecutorService reader)
            throws Invalid, IOException {
        List<X509Certificate> certificates = certificates();
        byte[] manifestJson = archive.read(ExportLayout.MANIFEST, ExportLayout.MAX_MANIFEST_BYTES);
        byte[] manifestSignature = archive.read(ExportLayout.MANIFEST_SIGNATURE, ExportLayout.MAX_SMALL_FILE_BYTES);
        if (!CmsVerifier.verifiesDetached(manifestJson, manifestSignature, certificates.get(0))) {
            throw new Invalid("manifest: its signature (manifest.p7s) does not verify with the certificate of "
                    + ExportLayout.certificate(0) + ": the manifest or its signature was altered, or another key signed it");
        }
        ExportManifest manifest = ExportManifest.parse(manifestJson);
        if (anchors != null) {
            SignerTrust.checkChain(certificates, anchors, manifest.createdAt(), "manifest");
        }
        Map<String, ExportFile> listed = listedFiles(manifest);
        Set<String> payloadFiles = payloadFiles(listed);
        byte[] buffer = new byte[64 * 1024];
        MessageDigest sha256 = sha256();
        for (ExportFile file : manifest.files()) {
            if (!file.path().equals(ExportLayout.ENTRIES) && !file.path().startsWith(ExportLayout.CHECKPOINTS_DIR)) {
                checkHash(file, buffer, sha256);
            }
        }
        if (listed.get(ExportLayout.LEAVES).bytes() != manifest.entries() * ExportLayout.LEAF_BYTES) {
            throw new Invalid("file " + ExportLayout.LEAVES + ": it holds " + listed.get(ExportLayout.LEAVES).bytes()
                    + " bytes, not 32 for each of the " + manifest.entries() + " entries");
        }
        TreeMap<Long, CompletableFuture<SignedTreeHead>> checkpoints = checkpoints(payloadWorkers, listed, manifest,
                certificates.get(0));
        List<Future<String>> payloadChecks = checkPayloadFiles(payloadWorkers, payloadFiles, manifest);
        Invalid badEntry = null;
        try {
            new EntryPass(manifest, checkpoints, payloadFiles, listed).run(workers, reader);
        } catch (Invalid e) {
            badEntry = e;
        }
        for (Future<String> check : payloadChecks) {
            String problem = await(check);
            if (problem != null) {
                throw new Invalid(problem);
            }
        }
        if (badEntry != null) {
            throw badEntry;
        }
        SignedTreeHead last = await(checkpoints.lastEntry().getValue());
        return "export of node " + manifest.nodeId() + ": entries " + manifest.firstIndex() + ".."
                + (manifest.endIndex() - 1) + " (" + manifest.entries() + " entries, " + manifest.entriesInRequestedRange()
                + " in the requested range), " + payloadFiles.size() + " payloads (" + manifest.payloadsAbsent()
                + " absent, listed in " + ExportLayout.PAYLOADS_ABSENT + "), " + checkpoints.size()
                + " checkpoints (" + timestamps(listed) + " with an RFC 3161 timestamp"
                + (anchors == null ? ", not checked without --trust" : "") + "), the last of size "
                + last.head().size() + " signed at " + last.time() + " by "
                + certificates.get(0).getSubjectX500Principal().getName() + SignerTrust.note(anchors)
                + "; left out: " + manifest.notYetCheckpointed() + " not yet checkpointed, " + manifest.notYetSealed()
                + " not yet sealed";
    }

    private List<X509Certificate> certificates() throws Invalid, IOException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (int i = 0; archive.has(ExportLayout.certificate(i)); i++) {
            String name = ExportLayout.certificate(i);
            certificates.add(SignerTrust.certificate(archive.read(name, ExportLayout.MAX_SMALL_FILE_BYTES), "file " + name));
        }
        if (certificates.isEmpty()) {
            throw new Invalid("file " + ExportLayout.certificate(0) + ": the archive holds no signer certificate");
        }
        return certificates;
    }

    /** The files the manifest lists, each of which must be in the archive, and nothing else but payloads. */
    private Map<String, ExportFile> listedFiles(ExportManifest manifest) throws Invalid {
        Map<String, ExportFile> listed = new HashMap<>();
        for (ExportFile file : manifest.files()) {
            listed.put(file.path(), file);
            if (!archive.has(file.path())) {
                throw new Invalid("file " + file.path() + ": the manifest lists it but the archive does not hold it");
            }
        }
        for (String required : List.of(ExportLayout.ENTRIES, ExportLayout.LEAVES, ExportLayout.PAYLOADS_ABSENT,
                ExportLayout.certificate(0))) {
            if (!listed.containsKey(required)) {
                throw new Invalid("manifest: it does not list " + required);
            }
        }
        return listed;
    }

    private Set<String> payloadFiles(Map<String, ExportFile> listed) throws Invalid {
        Set<String> payloads = new HashSet<>(Math.max(16, archive.names().size() * 2));
        for (String name : archive.names()) {
            if (ExportLayout.isPayload(name)) {
                payloads.add(name.substring(ExportLayout.PAYLOADS_DIR.length()));
            } else if (!listed.containsKey(name) && !name.equals(ExportLayout.MANIFEST)
                    && !name.equals(ExportLayout.MANIFEST_SIGNATURE)) {
                throw new Invalid("file " + name + ": the signed manifest does not list it (it was added)");
            }
        }
        return payloads;
    }

    private void checkHash(ExportFile file, byte[] buffer, MessageDigest sha256) throws Invalid, IOException {
        sha256.reset();
        long bytes = 0;
        try (InputStream in = archive.open(file.path(), file.bytes())) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha256.update(buffer, 0, n);
                bytes += n;
            }
        } catch (ExportArchive.TooLarge e) {
            throw new Invalid("file " + file.path() + ": it is larger than the " + file.bytes()
                    + " bytes the manifest gives");
        }
        if (bytes != file.bytes() || !HexFormat.of().formatHex(sha256.digest()).equals(file.sha256())) {
            throw new Invalid("file " + file.path() + ": its content is not the one the signed manifest gives "
                    + "(SHA-256 or size differs): it was altered");
        }
    }

    /**
     * Starts checking every checkpoint listed, by batches on the given threads: both its files as the manifest gives
     * them, its signature, its tree head (of the manifest's node, of the size its name gives); what can be told from
     * the names alone (within the range, the last ending it, no signature without a head) is checked at once.
     */
    private TreeMap<Long, CompletableFuture<SignedTreeHead>> checkpoints(ExecutorService threads, Map<String, ExportFile> listed,
                                                              ExportManifest manifest, X509Certificate signer)
            throws Invalid {
        TreeMap<Long, CompletableFuture<SignedTreeHead>> checkpoints = new TreeMap<>();
        for (String name : listed.keySet()) {
            Matcher m = ExportLayout.CHECKPOINT_HEAD.matcher(name);
            if (m.matches()) {
                long size = Long.parseLong(m.group(1));
                if (!listed.containsKey(ExportLayout.checkpointSignature(size))) {
                    throw new Invalid("file " + ExportLayout.checkpointSignature(size) + ": the checkpoint of size "
                            + size + " has no signature");
                }
                if (size < manifest.firstIndex() || size > manifest.endIndex()) {
                    throw new Invalid("file " + name + ": it lies outside the exported entries "
                            + manifest.firstIndex() + ".." + (manifest.endIndex() - 1));
                }
                checkpoints.put(size, new CompletableFuture<>());
            }
        }
        for (String name : listed.keySet()) {
            Matcher m = CHECKPOINT_SIGNATURE.matcher(name);
            if (m.matches() && !checkpoints.containsKey(Long.parseLong(m.group(1)))) {
                throw new Invalid("file " + name + ": it signs no checkpoint of the archive");
            }
            Matcher t = ExportLayout.CHECKPOINT_TIMESTAMP.matcher(name);
            if (t.matches() && !checkpoints.containsKey(Long.parseLong(t.group(1)))) {
                throw new Invalid("file " + name + ": it timestamps no checkpoint of the archive");
            }
        }
        if (checkpoints.isEmpty() || checkpoints.lastKey() != manifest.endIndex()) {
            throw new Invalid("file " + ExportLayout.checkpointHead(manifest.endIndex()) + ": no signed checkpoint "
                    + "ends the exported entries at " + manifest.endIndex());
        }
        List<Long> sizes = new ArrayList<>(checkpoints.keySet());
        for (int from = 0; from < sizes.size(); from += CHECKPOINTS_PER_TASK) {
            List<Long> batch = sizes.subList(from, Math.min(sizes.size(), from + CHECKPOINTS_PER_TASK));
            threads.submit(() -> {
                CmsSignerVerifier verifier = new CmsSignerVerifier(signer);
                for (Long size : batch) {
                    CompletableFuture<SignedTreeHead> result = checkpoints.get(size);
                    try {
                        result.complete(checkpoint(size, listed, manifest, verifier));
                    } catch (Invalid | IOException | RuntimeException e) {
                        result.completeExceptionally(e);
                    }
                }
            });
        }
        return checkpoints;
    }

    private SignedTreeHead checkpoint(long size, Map<String, ExportFile> listed, ExportManifest manifest,
                                      CmsSignerVerifier verifier) throws Invalid, IOException {
        String headName = ExportLayout.checkpointHead(size);
        String signatureName = ExportLayout.checkpointSignature(size);
        byte[] head = listedContent(listed.get(headName));
        byte[] signature = listedContent(listed.get(signatureName));
        SignedTreeHead checkpoint = SignedTreeHead.verify(new String(head, StandardCharsets.US_ASCII), signature,
                verifier, "file " + signatureName);
        if (checkpoint.head().size() != size) {
            throw new Invalid("file " + headName + ": its tree head has size " + checkpoint.head().size() + ", not " + size);
        }
        if (!checkpoint.head().nodeId().equals(manifest.nodeId())) {
            throw new Invalid("file " + headName + ": it is a checkpoint of node " + checkpoint.head().nodeId()
                    + ", not " + manifest.nodeId());
        }
        ExportFile timestamp = listed.get(ExportLayout.checkpointTimestamp(size));
        if (timestamp != null && anchors != null) {
            TimestampVerdict verdict = TimestampTokens.verify(listedContent(timestamp), signature, anchors);
            if (!verdict.valid()) {
                throw new Invalid("file " + timestamp.path() + ": its RFC 3161 timestamp is not valid: "
                        + verdict.problem());
            }
        }
        return checkpoint;
    }

    private static long timestamps(Map<String, ExportFile> listed) {
        return listed.keySet().stream().filter(name -> ExportLayout.CHECKPOINT_TIMESTAMP.matcher(name).matches()).count();
    }

    /** A small listed file's content, which must be the one the manifest gives (size and SHA-256). */
    private byte[] listedContent(ExportFile file) throws Invalid, IOException {
        byte[] content = archive.read(file.path(), Math.min(file.bytes(), ExportLayout.MAX_SMALL_FILE_BYTES));
        if (content.length != file.bytes()
                || !HexFormat.of().formatHex(sha256().digest(content)).equals(file.sha256())) {
            throw new Invalid("file " + file.path() + ": its content is not the one the signed manifest gives "
                    + "(SHA-256 or size differs): it was altered");
        }
        return content;
    }

    /**
     * Starts checking that every payload file hashes to its name and is no larger than the manifest's largest; the
     * checks run on the workers beside the pass over the entries, and answer a problem or null.
     */
    private List<Future<String>> checkPayloadFiles(ExecutorService workers, Set<String> payloads,
                                                   ExportManifest manifest) throws Invalid {
        if (payloads.size() != manifest.payloads()) {
            throw new Invalid("manifest: it counts " + manifest.payloads() + " payloads, the archive holds "
                    + payloads.size());
        }
        List<String> names = new ArrayList<>(payloads);
        List<Future<String>> checks = new ArrayList<>();
        for (int from = 0; from < names.size(); from += PAYLOADS_PER_TASK) {
            List<String> batch = names.subList(from, Math.min(names.size(), from + PAYLOADS_PER_TASK));
            checks.add(workers.submit(() -> {
                byte[] buffer = new byte[64 * 1024];
                MessageDigest digest = sha256();
                try (ExportArchive own = archive.reopen()) {
                    for (String sha256 : batch) {
                        String problem = payloadProblem(own, sha256, manifest.largestPayloadBytes(), buffer, digest);
                        if (problem != null) {
                            return problem;
                        }
                    }
                }
                return null;
            }));
        }
        return checks;
    }

    private static String payloadProblem(ExportArchive archive, String sha256, long largest, byte[] buffer,
                                         MessageDigest digest) throws IOException {
        String name = ExportLayout.payload(sha256);
        digest.reset();
        try (InputStream in = archive.open(name, largest)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        } catch (ExportArchive.TooLarge e) {
            return "file " + name + ": it is larger than the largest payload the manifest gives (" + largest + " bytes)";
        } catch (Invalid e) {
            return e.getMessage();
        }
        return HexFormat.of().formatHex(digest.digest()).equals(sha256) ? null
                : "file " + name + ": its content does not give the SHA-256 it is named by: it was altered";
    }

    private static <T> T await(Future<T> future) throws Invalid {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Invalid invalid) {
                throw invalid;
            }
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw new IllegalStateException("The verification failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The pass over {@code entries.jsonl}: workers check and hash chunks of lines, this thread takes them in order. */
    private final class EntryPass {

        private final ExportManifest manifest;
        private final TreeMap<Long, CompletableFuture<SignedTreeHead>> checkpoints;
        private final Set<String> payloadFiles;
        private final Set<String> referenced = new HashSet<>();
        private final ExportFile entriesFile;
        private final ExportFile absentFile;
        private final byte[] nodeId;
        private final CompactMerkleTree tree;
        private long position;
        private long nextCheckpoint;
        private long nextProgress = System.nanoTime() + PROGRESS_NANOS;
        private final long started = System.nanoTime();

        EntryPass(ExportManifest manifest, TreeMap<Long, CompletableFuture<SignedTreeHead>> checkpoints, Set<String> payloadFiles,
                  Map<String, ExportFile> listed) {
            this.manifest = manifest;
            this.checkpoints = checkpoints;
            this.payloadFiles = payloadFiles;
            this.entriesFile = listed.get(ExportLayout.ENTRIES);
            this.absentFile = listed.get(ExportLayout.PAYLOADS_ABSENT);
            this.nodeId = manifest.nodeId().getBytes(StandardCharsets.UTF_8);
            this.tree = CompactMerkleTree.resume(manifest.firstIndex(), manifest.frontier());
            this.position = manifest.firstIndex();
        }

        /**
         * Runs the pass: a reader thread inflates {@code entries.jsonl} into chunks of whole lines and hands them to
         * the workers, and this thread takes the checked chunks in order.
         */
        void run(ExecutorService workers, ExecutorService reader) throws Invalid, IOException {
            checkRootAt(position);
            BlockingQueue<Future<EntryChunk>> chunks = new ArrayBlockingQueue<>(threads + 2);
            Future<String> reading = reader.submit(() -> read(workers, chunks));
            try (InputStream leaves = archive.open(ExportLayout.LEAVES, manifest.entries() * ExportLayout.LEAF_BYTES);
                 AbsentPayloads absent = new AbsentPayloads(archive.open(ExportLayout.PAYLOADS_ABSENT,
                         absentFile.bytes()))) {
                for (EntryChunk chunk; (chunk = await(take(chunks))) != null; ) {
                    take(chunk, leaves, absent);
                }
                String brokenLastLine = awaitReading(reading);
                if (brokenLastLine != null) {
                    throw new Invalid("entry " + position + ": " + brokenLastLine);
                }
                finish(absent);
            }
        }

        /** Reads the chunks, ending with a null one; answers what is wrong with the last line, if anything. */
        private String read(ExecutorService workers, BlockingQueue<Future<EntryChunk>> chunks)
                throws Invalid, IOException, InterruptedException {
            try (InputStream entries = archive.open(ExportLayout.ENTRIES, entriesFile.bytes())) {
                byte[] carry = new byte[0];
                while (true) {
                    byte[] buffer = new byte[CHUNK_BYTES];
                    System.arraycopy(carry, 0, buffer, 0, carry.length);
                    int filled = carry.length + entries.readNBytes(buffer, carry.length, buffer.length - carry.length);
                    boolean more = filled == buffer.length;
                    int length = lastIndexOf(buffer, filled) + 1;
                    if (length > 0) {
                        chunks.put(workers.submit(check(buffer, length)));
                    }
                    carry = Arrays.copyOfRange(buffer, length, filled);
                    if (more && length == 0) {
                        return "its line is longer than " + ExportLayout.MAX_LINE_BYTES + " bytes";
                    }
                    if (!more) {
                        return carry.length > 0 ? ExportLayout.ENTRIES + " ends in the middle of its line" : null;
                    }
                }
            } finally {
                chunks.put(CompletableFuture.completedFuture(null));
            }
        }

        private String awaitReading(Future<String> reading) throws Invalid, IOException {
            try {
                return reading.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Invalid invalid) {
                    throw invalid;
                }
                if (e.getCause() instanceof ExportArchive.TooLarge) {
                    throw new Invalid("file " + ExportLayout.ENTRIES + ": it is larger than the " + entriesFile.bytes()
                            + " bytes the manifest gives");
                }
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IllegalStateException("Reading " + ExportLayout.ENTRIES + " failed: " + e.getCause(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
        }

        private Future<EntryChunk> take(BlockingQueue<Future<EntryChunk>> chunks) {
            try {
                return chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
        }

        private Callable<EntryChunk> check(byte[] buffer, int length) {
            return () -> EntryChunk.of(buffer, length, nodeId);
        }

        /** Takes the checked lines of a chunk in order: index, recorded leaf, tree, checkpoints and payloads. */
        private void take(EntryChunk chunk, InputStream leaves, AbsentPayloads absent) throws Invalid, IOException {
            byte[] recorded = leaves.readNBytes(Math.min(chunk.lines, (int) Math.max(0, manifest.endIndex() - position))
                    * ExportLayout.LEAF_BYTES);
            for (int i = 0; i < chunk.lines; i++, position++) {
                String name = "entry " + position + ": ";
                if (position >= manifest.endIndex()) {
                    throw new Invalid(name + ExportLayout.ENTRIES + " holds more lines than the manifest's "
                            + manifest.entries() + " entries");
                }
                long index = chunk.indexes[i];
                if (index != position) {
                    throw new Invalid(name + "it is missing or out of place: the line at its place holds entry " + index);
                }
                int at = i * ExportLayout.LEAF_BYTES;
                if (!Arrays.equals(chunk.leaves, at, at + 32, recorded, at, at + 32)) {
                    throw new Invalid(name + "it was altered: its content does not give the leaf hash recorded when it "
                            + "was sealed (" + ExportLayout.LEAVES + ")");
                }
                tree.append(Arrays.copyOfRange(chunk.leaves, at, at + 32));
                if (position + 1 == nextCheckpoint) {
                    checkRootAt(position + 1);
                }
                String payload = chunk.payloads[i];
                if (payload != null) {
                    if (payloadFiles.contains(payload)) {
                        referenced.add(payload);
                    } else if (!absent.take(position, payload)) {
                        throw new Invalid(name + "its payload " + payload + " is neither in " + ExportLayout.PAYLOADS_DIR
                                + " nor listed in " + ExportLayout.PAYLOADS_ABSENT);
                    }
                }
            }
            if (chunk.errorLine == chunk.lines) {
                throw new Invalid("entry " + position + ": " + chunk.error);
            }
            if (System.nanoTime() >= nextProgress) {
                double seconds = (System.nanoTime() - started) / 1e9;
                long checked = position - manifest.firstIndex();
                progress.printf("export: %,d of %,d entries checked (%,.0f entries/s)%n", checked, manifest.entries(),
                        checked / seconds);
                nextProgress = System.nanoTime() + PROGRESS_NANOS;
            }
        }

        private void checkRootAt(long size) throws Invalid {
            CompletableFuture<SignedTreeHead> signed = checkpoints.get(size);
            Long next = checkpoints.higherKey(size);
            nextCheckpoint = next == null ? -1 : next;
            if (signed == null) {
                return;
            }
            SignedTreeHead checkpoint = await(signed);
            if (!Arrays.equals(tree.root(), checkpoint.head().root())) {
                throw new Invalid("file " + ExportLayout.checkpointHead(size) + ": the entries up to " + (size - 1)
                        + (manifest.firstIndex() > 0 ? " (with the frontier of the " + manifest.firstIndex()
                        + " before the export)" : "") + " do not give the root signed at " + checkpoint.time()
                        + ": entries were rewritten together with their recorded leaf hashes, or the frontier was altered");
            }
        }

        private void finish(AbsentPayloads absent) throws Invalid, IOException {
            if (position < manifest.endIndex()) {
                throw new Invalid("entry " + position + ": it is missing: " + ExportLayout.ENTRIES + " ends after "
                        + (position - manifest.firstIndex()) + " of the manifest's " + manifest.entries() + " entries");
            }
            absent.finish(manifest.payloadsAbsent());
            for (String payload : payloadFiles) {
                if (!referenced.contains(payload)) {
                    throw new Invalid("file " + ExportLayout.payload(payload) + ": no exported entry refers to it");
                }
            }
        }
    }

    private static int lastIndexOf(byte[] buffer, int length) {
        for (int i = length - 1; i >= 0; i--) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
