package solo.interfaces.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import solo.support.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the stdio transport reads: the assistant's lines, each checked to be a JSON-RPC message first. The
 * SDK's transport ends the session on a line it cannot read; here such a line is answered with a JSON-RPC
 * parse error (written under the lock the transport writes under) and the session goes on. Also tells when
 * the assistant closed the pipe, so that {@code solo mcp} can exit — once every request it sent has been
 * answered (the SDK drops answers not yet written when its input ends, which a script that writes its
 * requests and closes the pipe would otherwise see).
 */
final class StdioInput {
    private static final Logger LOG = LoggerFactory.getLogger(StdioInput.class);
    private static final int PIPE_BYTES = 1 << 20;
    private static final long ANSWER_WAIT_MILLIS = 120_000;

    private final BufferedReader in;
    private final Answers out;
    private final McpJsonMapper mapper;
    private long requests;
    private final PipedOutputStream feed = new PipedOutputStream();
    private final PipedInputStream toServer;
    private final CountDownLatch ended = new CountDownLatch(1);

    StdioInput(InputStream in, OutputStream out, McpJsonMapper mapper) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.out = new Answers(out);
        this.mapper = mapper;
        try {
            this.toServer = new PipedInputStream(feed, PIPE_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stream to hand the SDK's transport. */
    InputStream stream() {
        return toServer;
    }

    /** Where the transport writes: the protocol's stream, counting the answers that go out. */
    OutputStream out() {
        return out;
    }

    void start() {
        Thread.ofPlatform().daemon().name("mcp-stdin").start(this::pump);
    }

    void await() throws InterruptedException {
        ended.await();
    }

    private void pump() {
        try {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String problem = problem(line);
                if (problem == null) {
                    if (isRequest(line)) {
                        requests++;
                    }
                    feed.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    feed.flush();
                } else {
                    refuse(problem);
                }
            }
        } catch (IOException e) {
            LOG.info("mcp: stdin ended: {}", e.getMessage());
        } finally {
            out.awaitAnswers(requests, ANSWER_WAIT_MILLIS);
            try {
                feed.close();
            } catch (IOException ignored) {
                // the transport is gone already
            }
            ended.countDown();
        }
    }

    private static boolean isRequest(String line) {
        var node = Json.read(line);
        return node.hasNonNull("id") && node.has("method");
    }

    /** Why the line is no JSON-RPC message the SDK can read, or null. */
    private String problem(String line) {
        try {
            McpSchema.deserializeJsonRpcMessage(mapper, line);
            return null;
        } catch (Exception e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return m.lines().findFirst().orElse(m);
        }
    }

    private void refuse(String problem) throws IOException {
        LOG.info("mcp: refused a line that is no JSON-RPC message: {}", problem);
        ObjectNode error = Json.object().put("code", -32700).put("message", "not a JSON-RPC message: " + problem);
        ObjectNode reply = Json.object().put("jsonrpc", "2.0").putNull("id");
        reply.set("error", error);
        byte[] bytes = (Json.write(reply) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (out) { // the transport's own lock on the stream: lines never interleave
            out.write(bytes);
            out.flush();
        }
    }

    /** The protocol's stream, counting the answers (lines with an id and a result or an error) written to it. */
    private static final class Answers extends OutputStream {
        private final OutputStream out;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        private long answers;

        Answers(OutputStream out) {
            this.out = out;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            out.write(b);
            see(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            for (int i = off; i < off + len; i++) {
                see(b[i]);
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        private void see(int b) {
            if (b != '\n') {
                line.write(b);
                return;
            }
            try {
                var node = Json.read(line.toString(StandardCharsets.UTF_8));
                if (node != null && node.hasNonNull("id") && (node.has("result") || node.has("error"))) {
                    answers++;
                    notifyAll();
                }
            } catch (RuntimeException e) {
                // not ours to judge: the transport wrote it
            }
            line.reset();
        }

        synchronized void awaitAnswers(long requests, long millis) {
            long deadline = System.currentTimeMillis() + millis;
            try {
                while (answers < requests && System.currentTimeMillis() < deadline) {
                    wait(Math.max(1, deadline - System.currentTimeMillis()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
