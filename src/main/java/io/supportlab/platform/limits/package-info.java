/**
 * HTTP hardening and abuse limits: per-client rate limits on public routes (each feature declares its own), request body, header, parameter and JSON limits, and the client address they count by.
 */
@NamedInterface("limits")
@NullMarked
package io.supportlab.platform.limits;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
