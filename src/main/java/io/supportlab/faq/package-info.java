/** The FAQ Management feature. */
@NullMarked
package io.supportlab.faq;

import org.jspecify.annotations.NullMarked;
