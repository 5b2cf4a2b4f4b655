/**
 * The shared web layout of server-rendered pages: the page shell (who is looking, CSRF token, navigation), flash messages, form errors, formatting of dates and text, and keeping a filtered list's address in the address bar.
 */
@NamedInterface("web")
@NullMarked
package io.supportlab.platform.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
