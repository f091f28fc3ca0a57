package solo.interfaces.mcp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;

/** An input stream that tells when it ended (the assistant closed the pipe): {@code solo mcp} then exits. */
final class EndOfInput extends FilterInputStream {
    private final CountDownLatch ended = new CountDownLatch(1);

    EndOfInput(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        return seen(() -> super.read());
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return seen(() -> super.read(b, off, len));
    }

    void await() throws InterruptedException {
        ended.await();
    }

    private interface Read {
        int read() throws IOException;
    }

    private int seen(Read r) throws IOException {
        try {
            int n = r.read();
            if (n < 0) {
                ended.countDown();
            }
            return n;
        } catch (IOException e) {
            ended.countDown();
            throw e;
        }
    }
}
