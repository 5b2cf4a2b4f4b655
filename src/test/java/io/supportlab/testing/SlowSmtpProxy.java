package io.supportlab.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A slow mail server: a TCP proxy in front of a real SMTP server (GreenMail) that holds back the end
 * of each message's {@code DATA} for {@code delay}, so every message takes that long to be
 * accepted, as with a congested or far-away relay. Everything else passes through unchanged.
 */
public final class SlowSmtpProxy implements AutoCloseable {

    private static final byte[] END_OF_DATA = {'\r', '\n', '.', '\r', '\n'};

    private final ServerSocket listener;
    private final int targetPort;
    private final Duration delay;
    private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();

    private SlowSmtpProxy(int targetPort, Duration delay) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.delay = delay;
        connections.submit(this::accept);
    }

    /** Listens on a free port of the loopback address and forwards to {@code targetPort} there. */
    public static SlowSmtpProxy start(int targetPort, Duration delay) {
        try {
            return new SlowSmtpProxy(targetPort, delay);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                connections.submit(
                        () -> pump(server.getInputStream(), client.getOutputStream(), false, client, server));
                connections.submit(() -> pump(client.getInputStream(), server.getOutputStream(), true, client, server));
            } catch (IOException e) {
                // closed, or a client that went away: nothing to forward
            }
        }
    }

    /** Copies one direction; from the client, the end of a message waits {@code delay} first. */
    private Void pump(InputStream in, OutputStream out, boolean slowEndOfData, Socket client, Socket server)
            throws InterruptedException {
        byte[] buffer = new byte[8192];
        byte[] tail = new byte[END_OF_DATA.length];
        try (client;
                server) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (slowEndOfData && endsMessage(tail, buffer, read)) {
                    // The relay is slow on purpose: this stands for its time, not for a test's wait.
                    Thread.sleep(delay);
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // either side closed the connection
        }
        return null;
    }

    /** Whether the bytes so far end with CRLF.CRLF; {@code tail} keeps the last bytes across reads. */
    private static boolean endsMessage(byte[] tail, byte[] buffer, int read) {
        for (int i = 0; i < read; i++) {
            System.arraycopy(tail, 1, tail, 0, tail.length - 1);
            tail[tail.length - 1] = buffer[i];
        }
        return java.util.Arrays.equals(tail, END_OF_DATA);
    }

    @Override
    public void close() throws IOException {
        listener.close();
        connections.shutdownNow();
    }
}
