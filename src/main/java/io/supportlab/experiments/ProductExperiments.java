package io.supportlab.experiments;

import io.supportlab.platform.persistence.Ids;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * SupportLab's experiments on its own pages, as the features that own the pages declared them
 * ({@link ProductExperiment} beans). The server assigns the variant from a stable visitor cookie and
 * the page renders it directly (no flicker); conversions are recorded server-side. A failure here
 * never breaks the page or the form: the visitor then simply sees the control.
 */
@Service
public class ProductExperiments {

    static final String COOKIE = "sl_visitor";
    static final Duration COOKIE_LIFETIME = Duration.ofDays(365);

    private static final Logger log = LoggerFactory.getLogger(ProductExperiments.class);

    private final AssignmentService assignments;
    private final EventService events;
    private final List<ProductExperiment> declared;

    ProductExperiments(AssignmentService assignments, EventService events, List<ProductExperiment> declared) {
        this.assignments = assignments;
        this.events = events;
        this.declared = declared;
    }

    /** The variant this visitor sees; the control when the experiment is not running or anything fails. */
    public String variant(ProductExperiment experiment, HttpServletRequest request, HttpServletResponse response) {
        String visitor = visitor(request, response);
        try {
            return assignments.assign(experiment.key(), visitor, Map.of()).variant();
        } catch (RuntimeException e) {
            log.debug("No variant of {} for visitor {}: {}", experiment.key(), visitor, e.getMessage());
            return "control";
        }
    }

    /**
     * Records {@code eventName} for this visitor in every product experiment that measures it and
     * they take part in. The feature where the event happens need not know whose experiment counts
     * it: opening an article suggested on the ticket form is a metric of the ticket form's experiment.
     */
    public void track(String eventName, HttpServletRequest request, HttpServletResponse response) {
        String visitor = visitor(request, response);
        for (ProductExperiment experiment : declared) {
            if (experiment.measures(eventName)) {
                try {
                    events.track(experiment.key(), new EventInput(null, visitor, eventName, 1.0, null, null, null));
                } catch (RuntimeException e) {
                    // Not assigned, not running, or no such experiment: nothing to count.
                    log.debug(
                            "Not tracking {} of {} for visitor {}: {}",
                            eventName,
                            experiment.key(),
                            visitor,
                            e.getMessage());
                }
            }
        }
    }

    /** The visitor's id from the cookie, set for a year on the first visit. */
    static String visitor(HttpServletRequest request, HttpServletResponse response) {
        Object cached = request.getAttribute(COOKIE);
        if (cached instanceof String id) {
            return id;
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName()) && Ids.isValid(cookie.getValue())) {
                    request.setAttribute(COOKIE, cookie.getValue());
                    return cookie.getValue();
                }
            }
        }
        String id = Ids.newId();
        Cookie cookie = new Cookie(COOKIE, id);
        cookie.setPath("/");
        cookie.setMaxAge((int) COOKIE_LIFETIME.toSeconds());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        request.setAttribute(COOKIE, id);
        return id;
    }
}
