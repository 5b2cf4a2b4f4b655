package io.supportlab.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.supportlab.accounts.Caller;
import io.supportlab.platform.EmailAddress;
import io.supportlab.testing.IntegrationTest;
import io.supportlab.testing.TestSmtp;
import io.supportlab.testing.UsePostgres;
import io.supportlab.tickets.AccessLinkRequests;
import io.supportlab.tickets.NewTicket;
import io.supportlab.tickets.Ticket;
import io.supportlab.tickets.TicketChange;
import io.supportlab.tickets.TicketPriority;
import io.supportlab.tickets.TicketService;
import io.supportlab.tickets.TicketStatus;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** What each preference does to delivery: none, off, daily and weekly digests, language, unsubscribe. */
class PreferenceDeliveryTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(TestSmtp.setup());

    /** A Monday after the digest hour (08:00 UTC): both the daily and the weekly digest are due. */
    static final Instant MONDAY_MORNING = Instant.parse("2030-01-07T09:00:00Z");

    static final Instant TUESDAY_MORNING = Instant.parse("2030-01-08T09:00:00Z");

    @Nested
    class OnSqlite extends Contract {}

    @Nested
    @UsePostgres
    class OnPostgres extends Contract {}

    @SmtpTestContext
    abstract static class Contract extends IntegrationTest {

        @Autowired
        TicketService tickets;

        @Autowired
        PreferenceService preferences;

        @Autowired
        Dispatcher dispatcher;

        @Autowired
        AccessLinkRequests accessLinks;

        @Autowired
        DigestJob digests;

        @Autowired
        NotificationRepository notifications;

        @Autowired
        MailRenderer renderer;

        final Caller agent = new Caller(ADMIN_EMAIL, true);

        void prefer(String email, Frequency frequency, boolean emailOn, String language) {
            preferences.update(new PreferencesChange(email, emailOn, false, frequency, language));
        }

        Ticket ticket(String email) {
            return tickets.create(new NewTicket("Question from " + email, "Details", TicketPriority.LOW, email), null);
        }

        List<Notification> of(Ticket ticket) {
            return notifications.forTicket(ticket.id());
        }

        @Test
        void frequencyNoneRecordsTheNotificationAsSkippedWithTheReason() {
            prefer("none@example.com", Frequency.NONE, true, "en");
            Ticket ticket = ticket("none@example.com");
            dispatcher.dispatchDue();
            assertThat(of(ticket)).singleElement().satisfies(n -> {
                assertThat(n.status()).isEqualTo(NotificationStatus.SKIPPED);
                assertThat(n.lastError()).contains("frequency is none");
            });
            assertThat(smtp.getReceivedMessages()).isEmpty();
        }

        @Test
        void emailSwitchedOffSkipsToo() {
            prefer("off@example.com", Frequency.IMMEDIATE, false, "en");
            Ticket ticket = ticket("off@example.com");
            dispatcher.dispatchDue();
            assertThat(of(ticket).getFirst().lastError()).contains("switched email notifications off");
            assertThat(smtp.getReceivedMessages()).isEmpty();
        }

        @Test
        void dailyRecipientsGetOneDigestAtTheDigestHour() throws Exception {
            prefer("daily@example.com", Frequency.DAILY, true, "en");
            Ticket ticket = ticket("daily@example.com");
            tickets.change(ticket.id(), TicketChange.status(TicketStatus.IN_PROGRESS, null), null, agent);
            dispatcher.dispatchDue();
            assertThat(of(ticket)).extracting(Notification::status).containsOnly(NotificationStatus.HELD);
            assertThat(smtp.getReceivedMessages()).isEmpty();

            digests.runDue(Instant.parse("2030-01-07T07:59:00Z")); // before the digest hour
            assertThat(of(ticket)).extracting(Notification::status).containsOnly(NotificationStatus.HELD);

            digests.runDue(MONDAY_MORNING);
            digests.runDue(MONDAY_MORNING.plusSeconds(3600)); // the same day again: nothing more
            dispatcher.dispatchDue();

            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).hasSize(1);
            assertThat(received[0].getSubject()).isEqualTo("Your support updates (2)");
            assertThat(GreenMailUtil.getBody(received[0])).contains(ticket.reference(), "/my/access?token=");
            assertThat(jdbc.sql("SELECT content FROM notifications WHERE notification_type = 'digest'")
                            .query(String.class)
                            .single())
                    .contains(ticket.reference(), "[redacted: personal sign-in link]")
                    .doesNotContain("token=");
            assertThat(of(ticket)).allSatisfy(n -> {
                assertThat(n.status()).isEqualTo(NotificationStatus.DIGESTED);
                assertThat(n.digestId()).isNotNull();
            });
        }

        @Test
        void weeklyRecipientsGetOneDigestPerWeekWhileDailyOnesGetTheirsEveryDay() {
            prefer("weekly@example.com", Frequency.WEEKLY, true, "en");
            prefer("daily2@example.com", Frequency.DAILY, true, "en");
            Ticket first = ticket("weekly@example.com");
            digests.runDue(MONDAY_MORNING);
            dispatcher.dispatchDue();
            assertThat(of(first).getFirst().status()).isEqualTo(NotificationStatus.DIGESTED);
            assertThat(smtp.getReceivedMessages()).hasSize(1);

            Ticket second = ticket("weekly@example.com");
            Ticket daily = ticket("daily2@example.com");
            digests.runDue(TUESDAY_MORNING); // a new daily period; the week's weekly digest already went out
            dispatcher.dispatchDue();
            assertThat(of(second).getFirst().status()).isEqualTo(NotificationStatus.HELD);
            assertThat(of(daily).getFirst().status()).isEqualTo(NotificationStatus.DIGESTED);
            assertThat(smtp.getReceivedMessages()).hasSize(2);
        }

        @Test
        void heldNotificationsOfSomeoneWhoSwitchedToNoneAreSkipped() {
            prefer("changed@example.com", Frequency.DAILY, true, "en");
            Ticket ticket = ticket("changed@example.com");
            prefer("changed@example.com", Frequency.NONE, true, "en");
            digests.runDue(MONDAY_MORNING);
            assertThat(of(ticket).getFirst().status()).isEqualTo(NotificationStatus.SKIPPED);
        }

        @Test
        void preferredLanguageChoosesTheTemplates() throws Exception {
            prefer("de@example.com", Frequency.IMMEDIATE, true, "de");
            Ticket ticket = ticket("de@example.com");
            dispatcher.dispatchDue();
            assertThat(smtp.getReceivedMessages()[0].getSubject())
                    .isEqualTo("[" + ticket.reference()
                            + "] Wir haben Ihre Anfrage erhalten: Question from de@example[.]com");
        }

        @Test
        void unsubscribeLinkSwitchesEmailOffAfterConfirmation() {
            String url = renderer.unsubscribeUrl("quit@example.com");
            String token = url.substring(url.indexOf("token=") + 6);
            anonymous()
                    .get()
                    .uri("/unsubscribe?token=" + token)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .value(page -> assertThat(page).contains("Stop ticket emails to"));
            assertThat(preferences.get(EmailAddress.of("quit@example.com")).emailNotifications())
                    .isTrue();

            anonymous()
                    .post()
                    .uri("/unsubscribe?token=" + token)
                    .exchange()
                    .expectStatus()
                    .isOk();
            assertThat(preferences.get(EmailAddress.of("quit@example.com")).emailNotifications())
                    .isFalse();
        }

        @Test
        void tamperedUnsubscribeTokenChangesNothing() {
            String url = renderer.unsubscribeUrl("keep@example.com");
            String token = url.substring(url.indexOf("token=") + 6);
            String tampered = token.substring(0, token.length() - 3) + "abc";
            anonymous()
                    .post()
                    .uri("/unsubscribe?token=" + tampered)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .value(page -> assertThat(page).contains("invalid or has expired"));
            assertThat(preferences.get(EmailAddress.of("keep@example.com")).updatedAt())
                    .isNull();
        }

        @Test
        void accessLinksGoOutEvenToAddressesThatWantNoEmail() {
            prefer("quiet@example.com", Frequency.NONE, false, "en");
            ticket("quiet@example.com");
            anonymous()
                    .post()
                    .uri("/api/access-links")
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .body("{\"email\":\"quiet@example.com\"}")
                    .exchange()
                    .expectStatus()
                    .isAccepted();
            anonymous()
                    .post()
                    .uri("/api/access-links")
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .body("{\"email\":\"stranger@example.com\"}")
                    .exchange()
                    .expectStatus()
                    .isAccepted();
            accessLinks.decideWaiting();
            dispatcher.dispatchDue();
            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).hasSize(1);
            assertThat(GreenMailUtil.getBody(received[0])).contains("/my/access?token=");
        }
    }
}
