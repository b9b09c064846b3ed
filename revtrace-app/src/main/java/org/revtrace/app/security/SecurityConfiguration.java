package org.revtrace.app.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Who may see what: form login for pages, bearer tokens for scripts, everything but the login page,
 * health and static assets behind authentication.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  /**
   * The web tracker's endpoints, open to every site's visitors: a chain of their own, stateless and
   * without the login machinery (no session, no CSRF, no saved requests), because the collector
   * takes thousands of events a second.
   */
  @Bean
  @org.springframework.core.annotation.Order(0)
  SecurityFilterChain trackerFilterChain(HttpSecurity http) throws Exception {
    http.securityMatcher("/collect", "/t.js")
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable())
        .securityContext(context -> context.disable())
        .sessionManagement(
            session ->
                session.sessionCreationPolicy(
                    org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
        .anonymous(anonymous -> anonymous.disable());
    return http.build();
  }

  /**
   * CRM webhooks ({@code /hooks/**}): each delivery authenticates itself by the connection's own
   * secret (checked in the hooks servlet), so the chain is stateless and without the login
   * machinery: no session, CSRF token or saved request.
   */
  @Bean
  @org.springframework.core.annotation.Order(0)
  SecurityFilterChain webhookFilterChain(HttpSecurity http) throws Exception {
    http.securityMatcher("/hooks/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable())
        .securityContext(context -> context.disable())
        .sessionManagement(
            session ->
                session.sessionCreationPolicy(
                    org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
        .anonymous(anonymous -> anonymous.disable());
    return http.build();
  }

  @Bean
  @org.springframework.core.annotation.Order(1)
  SecurityFilterChain securityFilterChain(
      HttpSecurity http,
      ApiTokens tokens,
      LoginAttempts attempts,
      UserAccounts accounts,
      SessionRegistry sessionRegistry)
      throws Exception {
    SavedRequestAwareAuthenticationSuccessHandler success =
        new SavedRequestAwareAuthenticationSuccessHandler() {
          @Override
          public void onAuthenticationSuccess(
              HttpServletRequest request,
              HttpServletResponse response,
              Authentication authentication)
              throws ServletException, IOException {
            accounts.recordLogin(authentication.getName());
            super.onAuthenticationSuccess(request, response, authentication);
          }
        };
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        "/login",
                        "/error",
                        "/css/**",
                        "/js/**",
                        "/webjars/**",
                        "/_static/**",
                        "/favicon.ico")
                    .permitAll()
                    .requestMatchers("/actuator/health", "/actuator/health/**")
                    .permitAll()
                    .requestMatchers("/actuator/**")
                    .hasRole(Role.ADMIN.name())
                    .requestMatchers("/admin/**", "/api/v1/admin/**")
                    .hasRole(Role.ADMIN.name())
                    // Connections (docs/settings.md): analysts see them, test them and sync them;
                    // admins change them; viewers see nothing of them.
                    .requestMatchers(HttpMethod.GET, "/settings/connections/**")
                    .hasRole(Role.ANALYST.name())
                    .requestMatchers(HttpMethod.GET, "/api/v1/connections/**")
                    .hasRole(Role.ANALYST.name())
                    .requestMatchers(
                        HttpMethod.POST,
                        "/settings/connections/*/test",
                        "/settings/connections/*/sync",
                        "/api/v1/connections/*/test",
                        "/api/v1/connections/*/sync")
                    .hasRole(Role.ANALYST.name())
                    .requestMatchers("/settings/**", "/api/v1/connections/**")
                    .hasRole(Role.ADMIN.name())
                    // Viewers read; importing data (and every other change) needs an analyst.
                    .requestMatchers(HttpMethod.GET, "/api/**", "/imports/**")
                    .hasRole(Role.VIEWER.name())
                    .requestMatchers("/api/**", "/imports/**")
                    .hasRole(Role.ANALYST.name())
                    .anyRequest()
                    .authenticated())
        .formLogin(
            form ->
                form.loginPage("/login")
                    .successHandler(success)
                    .failureHandler(
                        (request, response, error) -> {
                          attempts.recordFailure(request.getRemoteAddr());
                          response.sendRedirect(request.getContextPath() + "/login?error");
                        })
                    .permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        // Sessions are registered so that disabling a user, changing their role or resetting their
        // password ends their open sessions (Administration.signOut).
        .sessionManagement(
            sessions ->
                sessions
                    .maximumSessions(-1)
                    .sessionRegistry(sessionRegistry)
                    .expiredUrl("/login?expired"))
        .exceptionHandling(
            errors ->
                errors.defaultAuthenticationEntryPointFor(
                    new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                    PathPatternRequestMatcher.withDefaults().matcher("/api/**")))
        // Scripts send a token, not a session cookie, so cross-site request forgery cannot reach
        // them.
        .csrf(
            csrf ->
                csrf.ignoringRequestMatchers(
                    request -> request.getHeader("Authorization") != null,
                    // anonymous tracker events carry no session, so nothing to forge
                    PathPatternRequestMatcher.withDefaults().matcher("/collect")))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(
                        csp ->
                            csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'"
                                    + " 'unsafe-inline'; frame-ancestors 'none'"))
                    .referrerPolicy(
                        referrer ->
                            referrer.policy(
                                org.springframework.security.web.header.writers
                                    .ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
        .addFilterBefore(
            new LoginRateLimitFilter(attempts), UsernamePasswordAuthenticationFilter.class)
        .addFilterBefore(new BearerTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class);
    return http.build();
  }

  @Bean
  static RoleHierarchy roleHierarchy() {
    return RoleHierarchyImpl.withDefaultRolePrefix()
        .role(Role.ADMIN.name())
        .implies(Role.ANALYST.name())
        .role(Role.ANALYST.name())
        .implies(Role.VIEWER.name())
        .build();
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder();
  }

  @Bean
  UserAccounts userAccounts(DataSource dataSource) {
    return new UserAccounts(dataSource);
  }

  @Bean
  StoredUsers storedUsers(UserAccounts accounts) {
    return new StoredUsers(accounts);
  }

  @Bean
  ApiTokens apiTokens(DataSource dataSource) {
    return new ApiTokens(dataSource);
  }

  @Bean
  Administration administration(
      UserAccounts accounts,
      ApiTokens tokens,
      PasswordEncoder passwordEncoder,
      SessionRegistry sessionRegistry) {
    return new Administration(
        accounts,
        tokens,
        passwordEncoder,
        username ->
            sessionRegistry.getAllPrincipals().stream()
                .filter(
                    principal ->
                        principal instanceof UserDetails user
                            && user.getUsername().equals(username))
                .flatMap(principal -> sessionRegistry.getAllSessions(principal, false).stream())
                .forEach(SessionInformation::expireNow));
  }

  @Bean
  SessionRegistry sessionRegistry() {
    return new SessionRegistryImpl();
  }

  /** Tells the session registry when sessions end, so it does not grow forever. */
  @Bean
  static HttpSessionEventPublisher httpSessionEventPublisher() {
    return new HttpSessionEventPublisher();
  }

  @Bean
  LoginAttempts loginAttempts(
      @Value("${revtrace.login.max-failures-per-minute:10}") int maxFailures) {
    return new LoginAttempts(maxFailures, Duration.ofMinutes(1), Clock.systemUTC());
  }
}
