/** The A/B Testing feature. */
@NullMarked
package io.supportlab.experiments;

import org.jspecify.annotations.NullMarked;
