package io.supportlab.platform.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * The recent events of this process (SQLite: one instance), for streams that reconnect. Ids are
 * {@code <epoch>-<sequence>}: the epoch is new at every start, so an id from before a restart is
 * recognised as unknown (a reload), never mistaken for one of this process. Sequences have no gaps,
 * so a stream's id is known exactly when every event after it is still held.
 */
final class MemoryBacklog implements Backlog {

    /** Held at most: a stream away longer, or while more happened, reloads. */
    static final int CAPACITY = 1_000;

    static final Duration RETENTION = Duration.ofMinutes(5);

    private record Entry(long sequence, Instant at, LiveEvent event) {}

    private final Clock clock;
    private final String epoch = UUID.randomUUID().toString().substring(0, 8);
    private final Deque<Entry> entries = new ArrayDeque<>();
    private long last;

    MemoryBacklog(Clock clock) {
        this.clock = clock;
    }

    /** Gives the event the next id and holds it. */
    synchronized LiveEvent append(String channel, String event, String data) {
        last++;
        LiveEvent published = new LiveEvent(epoch + "-" + last, channel, event, data);
        entries.addLast(new Entry(last, clock.instant(), published));
        forget();
        return published;
    }

    @Override
    public synchronized Replay since(String channel, String lastEventId) {
        forget();
        long after = sequenceOf(lastEventId);
        long firstHeld = entries.isEmpty() ? last + 1 : entries.getFirst().sequence();
        if (after < 0 || after > last || after < firstHeld - 1) {
            return Replay.reload(epoch + "-" + last);
        }
        List<LiveEvent> missed = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.sequence() > after && entry.event().channel().equals(channel)) {
                if (missed.size() == LiveUpdates.REPLAY_LIMIT) {
                    return Replay.reload(epoch + "-" + last);
                }
                missed.add(entry.event());
            }
        }
        return Replay.of(missed);
    }

    /** The sequence of an id of this process, or -1 for anything else. */
    private long sequenceOf(String id) {
        String prefix = epoch + "-";
        if (!id.startsWith(prefix) || id.length() > prefix.length() + 19) {
            return -1;
        }
        try {
            return Long.parseLong(id, prefix.length(), id.length(), 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void forget() {
        Instant cutoff = clock.instant().minus(RETENTION);
        while (!entries.isEmpty()
                && (entries.size() > CAPACITY || entries.getFirst().at().isBefore(cutoff))) {
            entries.removeFirst();
        }
    }
}
