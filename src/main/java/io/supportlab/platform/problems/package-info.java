/**
 * The error model: RFC 9457 problems with stable type URIs, the exceptions features throw to answer them (400 validation with fields, 404, 409, 413, 422, 429), and the handlers that turn every failure, in a controller or outside one, into such a problem or an error page.
 */
@NamedInterface("problems")
@NullMarked
package io.supportlab.platform.problems;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
