package org.revtrace.app.security;

/** An administration request that breaks a rule; bad input, answered with a problem, not a bug. */
final class AdminRefusal extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final AdminProblem problem;

  AdminRefusal(AdminProblem problem, String detail) {
    super(detail);
    this.problem = problem;
  }

  AdminProblem problem() {
    return problem;
  }
}
