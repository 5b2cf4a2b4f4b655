package io.supportlab.platform.paging;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Lists answer with the seed's plain JSON array; the next page is announced in a {@code Link:
 * <...>; rel="next"} header, as GitHub's API does, so unpaginated clients keep working.
 */
public final class PageResponses {

    private PageResponses() {}

    public static <T> ResponseEntity<List<T>> ok(Page<T> page, HttpServletRequest request) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (page.nextCursor() != null) {
            response.header(HttpHeaders.LINK, "<" + nextUrl(request, page.nextCursor()) + ">; rel=\"next\"");
        }
        return response.body(page.items());
    }

    static String nextUrl(HttpServletRequest request, String cursor) {
        return ServletUriComponentsBuilder.fromRequest(request)
                .replaceQueryParam("cursor", cursor)
                .build() // the query string is already encoded, and a cursor is URL-safe base64
                .toUriString();
    }
}
