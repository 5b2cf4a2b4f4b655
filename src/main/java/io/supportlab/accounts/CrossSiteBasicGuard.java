package io.supportlab.accounts;

import io.supportlab.platform.problems.ProblemResponseWriter;
import io.supportlab.platform.problems.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Refuses HTTP Basic credentials on a state-changing API request that a browser sent on behalf of
 * another site. A browser that once stored Basic credentials for SupportLab attaches them to every
 * request to it, including a form another site's page submits (a body-less {@code POST
 * /api/admin/backup} needs nothing else); a bearer token it never attaches by itself.
 *
 * <p>Browsers say where a request comes from: {@code Sec-Fetch-Site} (Fetch Metadata; only
 * {@code same-origin}, or {@code none} for what the user typed, pass) or, from older browsers,
 * {@code Origin} (must be ours). curl, scripts and SDKs send neither, so they keep using Basic.
 */
final class CrossSiteBasicGuard extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> OWN_SITE = Set.of("same-origin", "none");
    private static final String BASIC = "Basic ";

    private final ProblemResponseWriter writer;

    CrossSiteBasicGuard(ProblemResponseWriter writer) {
        this.writer = writer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE_METHODS.contains(request.getMethod()) && usesBasic(request) && fromAnotherSite(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.FORBIDDEN,
                    "HTTP Basic credentials are not accepted on a change requested by another site's page; "
                            + "scripts send no Origin or Sec-Fetch-Site header, pages use an API token "
                            + "(Authorization: Bearer slt_...)");
            problem.setType(ProblemTypes.FORBIDDEN);
            problem.setTitle("Forbidden");
            writer.write(request, response, problem);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean usesBasic(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, BASIC, 0, BASIC.length());
    }

    static boolean fromAnotherSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return !OWN_SITE.contains(site.strip().toLowerCase(java.util.Locale.ROOT));
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        return origin != null && !origin.strip().equalsIgnoreCase(ownOrigin(request));
    }

    /** This server as a browser names it in {@code Origin} (default ports left out). */
    private static String ownOrigin(HttpServletRequest request) {
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(request.getScheme()) && port == 80)
                || ("https".equals(request.getScheme()) && port == 443);
        return UriComponentsBuilder.newInstance()
                .scheme(request.getScheme())
                .host(request.getServerName())
                .port(defaultPort ? -1 : port)
                .toUriString();
    }
}
