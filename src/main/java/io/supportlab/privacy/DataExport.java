package io.supportlab.privacy;

import java.time.Instant;
import java.util.Map;

/**
 * Everything SupportLab holds about one email address, by section (tickets with replies and
 * history, notifications, preferences, experiment assignments and events).
 */
public record DataExport(String email, Instant exportedAt, Map<String, Object> data) {}
