package io.supportlab.accounts;

import static org.springframework.http.HttpMethod.POST;

import io.supportlab.platform.problems.DatabaseFailures;
import io.supportlab.platform.problems.ProblemResponseWriter;
import io.supportlab.platform.problems.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Who may do what (the README's security model) as URL rules. Two filter chains: the API (and
 * actuator) follows {@link ApiAccess}, is stateless
 * with HTTP Basic or bearer API tokens and answers problem+json (a 401 challenges for a bearer
 * token only, which browsers never prompt for, and Basic is refused on changes other sites' pages
 * request); pages use a session, re-checked against the account on every request, form login and
 * CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String[] PUBLIC_PAGES = {
        "/",
        "/help",
        "/help/**",
        "/login",
        "/error",
        "/favicon.ico",
        "/css/**",
        "/js/**",
        "/images/**",
        "/webjars/**",
        "/sdk/**",
        "/problems/**",
        "/swagger-ui.html",
        "/swagger-ui/**",
        "/v3/api-docs",
        "/v3/api-docs/**"
    };

    private static final int MAX_EMAIL = 254;

    /** Anonymous forms: nobody is logged in, so there is no session a forged request could ride on. */
    private static final String[] ANONYMOUS_FORM_POSTS = {
        "/help/tickets", "/help/articles/*/feedback", "/my/link", "/unsubscribe"
    };

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            ApiTokenService tokens,
            CustomerAccess customers,
            ProblemSecurityHandlers problems,
            ProblemResponseWriter writer,
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping controllers)
            throws Exception {
        var bearer = new AuthenticationFilter(
                new ProviderManager(new BearerAuthentication.Provider(tokens, customers)),
                new BearerAuthentication.Converter());
        bearer.setSuccessHandler((request, response, authentication) -> {});
        bearer.setFailureHandler(new AuthenticationEntryPointFailureHandler(problems));

        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                            .permitAll()
                            .requestMatchers(new UnmappedRequests(controllers))
                            .permitAll();
                    for (ApiAccess.Rule rule : ApiAccess.RULES) {
                        var matched = rule.method() == null
                                ? auth.requestMatchers(rule.pattern())
                                : auth.requestMatchers(rule.method(), rule.pattern());
                        switch (rule.level()) {
                            case PUBLIC -> matched.permitAll();
                            case CUSTOMER -> matched.hasAnyRole("AGENT", "CUSTOMER");
                            case STAFF -> matched.hasRole("AGENT");
                            case ADMIN -> matched.hasRole("ADMIN");
                        }
                    }
                    auth.requestMatchers("/actuator/**")
                            .hasRole("ADMIN")
                            .anyRequest()
                            .hasRole("AGENT");
                })
                .addFilterBefore(bearer, BasicAuthenticationFilter.class)
                .addFilterBefore(new CrossSiteBasicGuard(writer), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // no cookie authenticates an API call, so there is nothing to forge
                .requestCache(cache -> cache.disable())
                .cors(Customizer.withDefaults())
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(headers -> headers.contentSecurityPolicy(
                        csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(
            HttpSecurity http,
            Clock clock,
            UserRepository users,
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping controllers)
            throws Exception {
        http.addFilterAfter(new CustomerSessionExpiry(clock), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(auth -> auth.requestMatchers(PUBLIC_PAGES)
                        .permitAll()
                        .requestMatchers("/my/link", "/my/access", "/unsubscribe")
                        .permitAll()
                        .requestMatchers(new UnmappedRequests(controllers))
                        .permitAll()
                        .requestMatchers("/my/**")
                        .hasRole("CUSTOMER")
                        .requestMatchers("/admin/**", "/experiments/new", "/experiments/*/edit")
                        .hasRole("ADMIN")
                        .requestMatchers(POST, "/experiments", "/experiments/*/status")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .hasRole("AGENT"))
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/tickets")
                        .failureHandler(SecurityConfiguration::loginFailed)
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // Before CSRF and authorization: an ended session's request never does anything.
                .addFilterAfter(new StaffSessionCheck(users), SecurityContextHolderFilter.class)
                .csrf(csrf -> csrf.ignoringRequestMatchers(ANONYMOUS_FORM_POSTS))
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/my/link"),
                        PathPatternRequestMatcher.withDefaults().matcher("/my/**")))
                .headers(headers -> headers.addHeaderWriter(new PageContentSecurityPolicy())
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** Back to the login page, saying why: a wrong password, or too many attempts (and how long to wait). */
    private static void loginFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        rememberUsername(request, response);
        if (e instanceof LoginThrottledException throttled) {
            response.sendRedirect("/login?locked=" + throttled.retryAfterSeconds());
        } else if (e instanceof InternalAuthenticationServiceException && DatabaseFailures.isUnavailable(e)) {
            response.sendRedirect("/login?unavailable");
        } else {
            response.sendRedirect("/login?error");
        }
    }

    /** The login page shows the email again, so that only the password needs typing again. */
    private static void rememberUsername(HttpServletRequest request, HttpServletResponse response) {
        String username = request.getParameter("username");
        if (username == null || username.isBlank()) {
            return;
        }
        FlashMap flash = new FlashMap();
        flash.put(LoginWebController.USERNAME, Problems.abbreviate(username.strip(), MAX_EMAIL));
        flash.setTargetRequestPath("/login");
        new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
    }

    /**
     * Pages on other sites (the configured origins) may call the public tracking endpoints through
     * the JavaScript SDK; nothing else is open to other origins, and no cookies travel.
     */
    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties cors) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (cors.allowedOrigins().isEmpty()) {
            return source;
        }
        CorsConfiguration tracking = new CorsConfiguration();
        tracking.setAllowedOrigins(cors.allowedOrigins());
        tracking.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        tracking.setAllowedHeaders(List.of("Content-Type"));
        tracking.setAllowCredentials(false);
        tracking.setMaxAge(3600L);
        for (String path :
                List.of("/api/ab/assign", "/api/ab/events", "/api/ab-tests/*/assign", "/api/ab-tests/*/events")) {
            source.registerCorsConfiguration(path, tracking);
        }
        return source;
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role("ADMIN")
                .implies("AGENT")
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
