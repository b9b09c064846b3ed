package org.revtrace.app.web.settings;

import org.revtrace.app.cli.BadArgument;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused connection (bad settings, unknown source, inline secret) is a 400 problem. */
@RestControllerAdvice(assignableTypes = ConnectionsApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConnectionProblems {

  @ExceptionHandler(BadArgument.class)
  ProblemDetail badArgument(BadArgument error) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, error.getMessage());
    problem.setTitle("Bad connection");
    return problem;
  }
}
