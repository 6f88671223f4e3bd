package vn.lienthong.gateway.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import vn.lienthong.gateway.messagelog.PayloadCodec;

/**
 * Prints how much space the stored payloads take with the gateway's payload encoding, for every sample request (or the
 * files given), and how fast a payload is compressed and read back. Run by {@code bench/payload-compression-figures.sh}.
 */
public final class PayloadCompressionBench {

    private static final int ROUNDS = 20_000;

    private PayloadCompressionBench() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> files;
        if (args.length > 0) {
            files = Stream.of(args).map(Path::of).toList();
        } else {
            try (Stream<Path> samples = Files.list(Path.of("samples"))) {
                files = samples.filter(Files::isRegularFile).sorted().toList();
            }
        }
        PayloadCodec codec = new PayloadCodec(10L * 1024 * 1024);
        for (Path file : files) {
            byte[] payload = Files.readAllBytes(file);
            PayloadCodec.Stored stored = codec.encode(payload);
            System.out.printf("%s: %,d bytes received, %,d bytes stored (%s), %.1f%% saved%n", file, payload.length,
                    stored.bytes().length, stored.encoding(), 100.0 * (payload.length - stored.bytes().length) / payload.length);
            for (int i = 0; i < ROUNDS / 10; i++) {
                codec.decode("warm-up", stored.encoding(), codec.encode(payload).bytes());
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < ROUNDS; i++) {
                codec.encode(payload);
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < ROUNDS; i++) {
                codec.decode("bench", stored.encoding(), stored.bytes());
            }
            long t2 = System.nanoTime();
            System.out.printf("  stored %,.0f payloads/s, read back %,.0f payloads/s (%,d rounds each)%n",
                    ROUNDS / ((t1 - t0) / 1e9), ROUNDS / ((t2 - t1) / 1e9), ROUNDS);
        }
    }
}
