package io.supportlab.tickets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Mails the access links customers asked for, in the background: every {@code
 * supportlab.tickets.access-link-poll-interval} it decides the waiting requests (see {@link
 * CustomerRequests#decideNextAccessLink()}).
 */
@Component
public class AccessLinkRequests {

    private static final Logger log = LoggerFactory.getLogger(AccessLinkRequests.class);

    private final CustomerRequests requests;

    AccessLinkRequests(CustomerRequests requests) {
        this.requests = requests;
    }

    @Scheduled(
            fixedDelayString = "${supportlab.tickets.access-link-poll-interval:1s}",
            initialDelayString = "${supportlab.tickets.access-link-poll-interval:1s}")
    void decideScheduled() {
        try {
            decideWaiting();
        } catch (RuntimeException e) {
            // The database may be down; the requests wait for the next round.
            log.warn("Deciding access-link requests failed: {}", e.getMessage());
        }
    }

    /** Decides every waiting request now and answers how many there were (tests call this too). */
    public int decideWaiting() {
        int decided = 0;
        while (requests.decideNextAccessLink()) {
            decided++;
        }
        return decided;
    }
}
