package io.supportlab.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Keeps a filtered list's page address in the browser's address bar while htmx swaps in only the
 * list, so that a reload or a shared link shows the same filters: the fragment's answer names the
 * full page with the fragment's own query.
 */
public final class AddressBar {

    /** The longest address put into the address bar; a longer one could not travel as a header. */
    static final int MAX_LENGTH = 2_000;

    private AddressBar() {}

    /** Shows {@code pagePath} with this request's query string (when it fits) in the address bar. */
    public static void show(String pagePath, HttpServletRequest request, HttpServletResponse response) {
        String address = pagePath + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        if (address.length() <= MAX_LENGTH) {
            response.setHeader("HX-Replace-Url", address);
        }
    }
}
