package org.revtrace.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Answers 429 to a login form post from an address that failed too often in the last minute. */
final class LoginRateLimitFilter extends OncePerRequestFilter {

  private final LoginAttempts attempts;

  LoginRateLimitFilter(LoginAttempts attempts) {
    this.attempts = attempts;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !("POST".equals(request.getMethod())
        && request.getRequestURI().equals(request.getContextPath() + "/login"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (attempts.isBlocked(request.getRemoteAddr())) {
      response.setHeader("Retry-After", "60");
      response.sendError(429, "Too many failed logins; try again in a minute");
      return;
    }
    chain.doFilter(request, response);
  }
}
