package io.supportlab.platform.live;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a reconnecting stream is sent first: the events it missed, or (when the backlog cannot tell
 * or holds too many) a reload, carrying the newest id there is so that the stream's next reconnect
 * can replay again.
 *
 * @param events the missed events, each distinct (event, data) once at its latest position
 * @param covered the ids of every missed event, repeats included: an event that also arrives live
 *     while the replay is read is sent once
 */
record Replay(boolean reload, @Nullable String currentId, List<LiveEvent> events, Set<String> covered) {

    static Replay reload(@Nullable String currentId) {
        return new Replay(true, currentId, List.of(), Set.of());
    }

    /**
     * The missed events in the order they were published, a repeated notice only at its last
     * occurrence: twenty changes to one ticket refresh its page once. The newest event is always
     * kept, so the stream's last id ends at the newest.
     */
    static Replay of(List<LiveEvent> missed) {
        Map<String, LiveEvent> latest = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        for (LiveEvent event : missed) {
            String key = event.event() + '\n' + event.data();
            latest.remove(key); // re-inserted at the end: the order of last occurrences
            latest.put(key, event);
            ids.add(event.id());
        }
        return new Replay(false, null, List.copyOf(new ArrayList<>(latest.values())), Set.copyOf(ids));
    }
}
