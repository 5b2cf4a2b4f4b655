/**
 * Keyset and offset pagination: page requests with typed, opaque cursors, pages, and the Link header that announces the next page of an API list.
 */
@NamedInterface("paging")
@NullMarked
package io.supportlab.platform.paging;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
