package io.supportlab.experiments;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An event as sent ({@code POST /api/ab-tests/{id}/events}, or an item of {@code POST
 * /api/ab/events}). Checked field by field by {@link EventService}, so that a batch can say per item
 * what is wrong.
 *
 * @param experiment the experiment's key or id (batch items only)
 * @param eventData JSON metadata: an object, or a string holding JSON (as the seed sends it)
 * @param eventId client id that makes the event idempotent: a repeat is acknowledged, not stored
 * @param timestamp when it happened (ISO-8601); defaults to when it arrives
 */
public record EventInput(
        @Nullable String experiment,
        @Nullable String userIdentifier,
        @Nullable String eventName,
        @Nullable Double eventValue,
        @Nullable JsonNode eventData,
        @Nullable String eventId,
        @Nullable String timestamp) {}
