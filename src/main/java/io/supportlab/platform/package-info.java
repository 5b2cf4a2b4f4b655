/**
 * Cross-cutting platform of SupportLab: configuration, the database dialect, the RFC 9457 error
 * model, keyset pagination, health, and the shared web layout.
 *
 * <p>Every feature may use this package; this package depends on no feature.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package io.supportlab.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
