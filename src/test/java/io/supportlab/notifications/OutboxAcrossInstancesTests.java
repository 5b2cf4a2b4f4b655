package io.supportlab.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.SlowSmtpProxy;
import io.supportlab.testing.TestSmtp;
import io.supportlab.testing.UsePostgres;
import io.supportlab.tickets.NewTicket;
import io.supportlab.tickets.TicketPriority;
import io.supportlab.tickets.TicketService;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Two instances send one outbox through a mail server that takes {@value #SECONDS_PER_MESSAGE} s
 * per message, longer in total than one lease: the first instance claims every message, its lease
 * on the later ones lapses while it is still sending the first, and the second instance takes them
 * over. Every message is delivered exactly once: a lease is renewed only by its holder, just before
 * each message, and a message taken over is left alone by the first instance. PostgreSQL only:
 * several instances share PostgreSQL, never SQLite.
 */
@UsePostgres
@TestPropertySource(
        properties = {
            "supportlab.mail.provider=smtp",
            "spring.mail.host=127.0.0.1",
            "spring.mail.properties.mail.smtp.connectiontimeout=5000",
            "spring.mail.properties.mail.smtp.timeout=30000",
            "supportlab.mail.lease=15s",
            "supportlab.scheduling.enabled=false"
        })
class OutboxAcrossInstancesTests extends IntegrationTest {

    static final int SECONDS_PER_MESSAGE = 10;
    static final int MESSAGES = 4;

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.setup());

    static final SlowSmtpProxy slowServer =
            SlowSmtpProxy.start(TestSmtp.port(), Duration.ofSeconds(SECONDS_PER_MESSAGE));

    @DynamicPropertySource
    static void sendThroughTheSlowServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", slowServer::port);
    }

    @Autowired
    TicketService tickets;

    @Autowired
    Dispatcher firstInstance;

    @Autowired
    NotificationRepository notifications;

    @Autowired
    MailRenderer renderer;

    @Autowired
    PreferenceService preferences;

    @Autowired
    MailProvider provider;

    @Autowired
    NotificationsProperties settings;

    @Autowired
    Clock clock;

    @Test
    void twoDispatchersAndASlowMailServerDeliverEveryMessageExactlyOnce() throws Exception {
        for (int i = 1; i <= MESSAGES; i++) {
            tickets.create(
                    new NewTicket("Slow relay " + i, "It broke.", TicketPriority.LOW, "customer" + i + "@example.com"),
                    null);
        }
        List<String> queued = jdbc.sql("SELECT id FROM notifications WHERE status = 'pending'")
                .query(String.class)
                .list();
        assertThat(queued).hasSize(MESSAGES);
        AtomicInteger sentBySecond = new AtomicInteger();
        MailProvider counted = mail -> {
            provider.send(mail);
            sentBySecond.incrementAndGet();
        };
        Dispatcher secondInstance = new Dispatcher(notifications, renderer, preferences, counted, settings, clock);

        // The first instance claims the whole outbox at once; the second keeps polling, as its
        // scheduler would, and finds messages whose lease lapsed.
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(firstInstance::dispatchDue);
        await().atMost(Duration.ofSeconds(5)).until(() -> claimed() == MESSAGES);
        await().atMost(Duration.ofSeconds(SECONDS_PER_MESSAGE * (MESSAGES + 2)))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    secondInstance.dispatchDue();
                    return first.isDone() && unsent() == 0;
                });

        assertThat(first.get()).as("claimed by the first instance").isEqualTo(MESSAGES);
        assertThat(recipients())
                .as("every message once")
                .containsExactlyInAnyOrder(Arrays.stream(new int[] {1, 2, 3, 4})
                        .mapToObj(i -> "customer" + i + "@example.com")
                        .toArray(String[]::new));
        assertThat(sentBySecond.get())
                .as("the second instance took over what the first could not send within its lease")
                .isBetween(1, MESSAGES - 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notifications WHERE status = 'sent' AND attempts = 1")
                        .query(Integer.class)
                        .single())
                .isEqualTo(MESSAGES);
    }

    int claimed() {
        return jdbc.sql("SELECT COUNT(*) FROM notifications WHERE claimed_until IS NOT NULL")
                .query(Integer.class)
                .single();
    }

    int unsent() {
        return jdbc.sql("SELECT COUNT(*) FROM notifications WHERE status <> 'sent'")
                .query(Integer.class)
                .single();
    }

    List<String> recipients() throws MessagingException {
        List<String> to = new java.util.ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            to.add(message.getAllRecipients()[0].toString());
        }
        return to;
    }
}
