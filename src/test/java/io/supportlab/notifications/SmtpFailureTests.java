package io.supportlab.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.supportlab.testing.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An SMTP server that accepts connections and then never answers (the worst kind of failure):
 * the dispatcher is stuck in it, and ticket requests are exactly as fast as ever, because emails
 * only ever leave through the outbox, outside any request and any transaction.
 */
class SmtpFailureTests extends IntegrationTest {

    static final ServerSocket BLACKHOLE = blackhole();
    static final AtomicInteger CONNECTIONS = new AtomicInteger();
    static final List<Socket> HELD = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("supportlab.mail.provider", () -> "smtp");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", BLACKHOLE::getLocalPort);
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "3000");
        registry.add("spring.mail.properties.mail.smtp.timeout", () -> "3000");
        registry.add("supportlab.mail.poll-interval", () -> "100ms");
        registry.add("supportlab.mail.retry-delay", () -> "1ms");
    }

    @Test
    void ticketRequestsStayFastWhileTheSmtpServerHangs() {
        createTicket(0);
        await().atMost(Duration.ofSeconds(10)).until(() -> CONNECTIONS.get() > 0);

        List<Long> millis = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            long started = System.nanoTime();
            createTicket(i);
            millis.add((System.nanoTime() - started) / 1_000_000);
        }
        System.out.println("Ticket creation while SMTP hangs, ms: " + millis);
        assertThat(millis).allMatch(ms -> ms < 2_000);
        assertThat(millis.stream().sorted().toList().get(5)).isLessThan(500L);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM notifications WHERE last_error IS NOT NULL")
                                .query(Long.class)
                                .single()
                        > 0);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notifications WHERE status = 'sent'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    void createTicket(int n) {
        anonymous()
                .post()
                .uri("/api/tickets")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"title\":\"T" + n + "\",\"description\":\"D\",\"contact_email\":\"c" + n + "@example.com\"}")
                .exchange()
                .expectStatus()
                .isCreated();
    }

    /** Accepts every connection and says nothing, ever. */
    static ServerSocket blackhole() {
        try {
            ServerSocket server = new ServerSocket(0);
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        HELD.add(server.accept());
                        CONNECTIONS.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void close() throws IOException {
        BLACKHOLE.close();
        for (Socket socket : HELD) {
            socket.close();
        }
    }
}
