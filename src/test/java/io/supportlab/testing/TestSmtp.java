package io.supportlab.testing;

import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * The port of the in-process SMTP server (GreenMail) of the mail tests: free when the test JVM
 * started, so two builds on one machine do not collide on a fixed port. Contexts see it as {@code
 * supportlab.test.smtp-port}.
 */
public final class TestSmtp {

    private static final int PORT = freePort();

    private TestSmtp() {}

    public static int port() {
        return PORT;
    }

    public static ServerSetup setup() {
        return new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
