package io.supportlab.platform.limits;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A limit a feature declares, as a bean: its name (settings {@code supportlab.rate-limits.<name>.capacity}
 * and {@code .period} override the defaults), and the public routes whose requests it counts per
 * client address. A limit without routes counts what its feature hands to {@link
 * RateLimiter#consume(RateLimit, String, long)}: events, bytes, emails to one address.
 *
 * @param capacity how many at once, and how many come back per {@code period} (token bucket)
 */
public record RateLimit(String name, long capacity, Duration period, List<Route> routes) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    public RateLimit {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A rate limit's name is a settings key in kebab case: " + name);
        }
        if (capacity < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException(
                    "supportlab.rate-limits." + name + " needs a capacity of at least 1 and a positive period");
        }
        routes = List.copyOf(routes);
    }

    /** A limit its feature counts itself. */
    public static RateLimit counted(String name, long capacity, Duration period) {
        return new RateLimit(name, capacity, period, List.of());
    }

    /** A limit on requests to {@code routes}, counted before any handler runs. */
    public static RateLimit onRoutes(String name, long capacity, Duration period, Route... routes) {
        return new RateLimit(name, capacity, period, List.of(routes));
    }

    /** The same limit with settings' capacity or period where they are given. */
    RateLimit overriddenBy(@Nullable Long capacity, @Nullable Duration period) {
        return new RateLimit(
                name, capacity == null ? this.capacity : capacity, period == null ? this.period : period, routes);
    }

    boolean counts(String method, String path, Parameters parameters) {
        return routes.stream().anyMatch(route -> route.matches(method, path, parameters));
    }

    /** The request parameters a route may ask for; empty where only the path is known. */
    interface Parameters {
        boolean has(String name);

        Parameters NONE = name -> false;
    }

    /**
     * Requests of one method to paths matching a regular expression (whole path, no query), and, if
     * {@code parameter} is set, only those that carry that query parameter.
     */
    public record Route(String method, Pattern path, Optional<String> parameter) {

        public static Route get(String pathPattern) {
            return new Route("GET", Pattern.compile(pathPattern), Optional.empty());
        }

        public static Route post(String pathPattern) {
            return new Route("POST", Pattern.compile(pathPattern), Optional.empty());
        }

        /** Only requests that carry {@code name} (a search on a list that is otherwise free). */
        public Route withParameter(String name) {
            return new Route(method, path, Optional.of(name));
        }

        boolean matches(String method, String path, Parameters parameters) {
            return this.method.equals(method)
                    && this.path.matcher(path).matches()
                    && parameter.map(parameters::has).orElse(true);
        }

        /** Whether a documented operation may answer 429 (its path with variables filled in). */
        boolean mayCount(String method, String concretePath) {
            return this.method.equals(method) && this.path.matcher(concretePath).matches();
        }
    }
}
