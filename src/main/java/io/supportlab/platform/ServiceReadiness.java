package io.supportlab.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Whether the application can serve every request now. Spring Boot marks readiness only after all
 * start-up work (runners, ready-event listeners such as the first admin and the search index) has
 * run, while the web server already accepts connections before that. The database is checked at
 * most once a {@link #DATABASE_CHECK_INTERVAL}, so a busy health probe costs no database time.
 */
@Component
class ServiceReadiness {

    static final Duration DATABASE_CHECK_INTERVAL = Duration.ofSeconds(1);

    enum State {
        STARTING,
        READY,
        DATABASE_DOWN,
        STOPPING
    }

    private record Checked(boolean reachable, Instant at) {}

    private final ApplicationAvailability availability;
    private final DataSource dataSource;
    private final Clock clock;
    private final ReentrantLock checking = new ReentrantLock();
    private volatile boolean wasReady;
    private volatile Checked database = new Checked(false, Instant.EPOCH);

    ServiceReadiness(ApplicationAvailability availability, DataSource dataSource, Clock clock) {
        this.availability = availability;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @EventListener
    void readinessChanged(AvailabilityChangeEvent<ReadinessState> event) {
        if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
            wasReady = true;
        }
    }

    State state() {
        if (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
            return wasReady ? State.STOPPING : State.STARTING;
        }
        return databaseReachable() ? State.READY : State.DATABASE_DOWN;
    }

    private boolean databaseReachable() {
        Checked last = database;
        if (fresh(last)) {
            return last.reachable();
        }
        if (!checking.tryLock()) {
            if (!last.at().equals(Instant.EPOCH)) {
                return last.reachable(); // another request is checking right now
            }
            checking.lock(); // nothing known yet: wait for that check
        }
        try {
            if (fresh(database)) {
                return database.reachable();
            }
            boolean reachable;
            try (Connection connection = dataSource.getConnection()) {
                reachable = connection.isValid(1);
            } catch (SQLException e) {
                reachable = false;
            }
            database = new Checked(reachable, Instant.now(clock));
            return reachable;
        } finally {
            checking.unlock();
        }
    }

    private boolean fresh(Checked checked) {
        return Instant.now(clock).isBefore(checked.at().plus(DATABASE_CHECK_INTERVAL));
    }
}
