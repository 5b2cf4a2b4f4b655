package io.supportlab.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A Server-Sent Events stream read as a browser's EventSource reads it (fields {@code id}, {@code
 * event}, {@code data}; comments skipped; an event ends at a blank line), on a thread of its own.
 */
public final class EventStream implements AutoCloseable {

    /** One dispatched event; {@code id} is null when the event had no id field. */
    public record Event(@Nullable String id, String name, String data) {
        @Override
        public String toString() {
            return name + " " + data;
        }
    }

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;

    public EventStream(HttpResponse<InputStream> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The stream answered " + response.statusCode());
        }
        this.response = response;
        this.reader = Thread.ofVirtual().name("event-stream").start(this::read);
    }

    private void read() {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String name = "message";
            List<String> data = new ArrayList<>();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, name, String.join("\n", data)));
                    }
                    id = null;
                    name = "message";
                    data.clear();
                } else if (!line.startsWith(":")) {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> name = value;
                        case "data" -> data.add(value);
                        default -> {}
                    }
                }
            }
        } catch (IOException e) {
            // Closed by the test, or by the server.
        }
    }

    /** The next event, waiting at most {@code wait}; fails if none comes. */
    public Event next(Duration wait) {
        try {
            Event event = events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new AssertionError("No event within " + wait);
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next {@code count} events. */
    public List<Event> next(int count, Duration wait) {
        List<Event> next = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            next.add(next(wait));
        }
        return next;
    }

    /** Whether an event arrives within {@code wait} (it is taken). */
    public boolean anyWithin(Duration wait) {
        try {
            return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS) != null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // Already closed.
        }
        reader.interrupt();
    }
}
