package org.revtrace.app.api;

import org.revtrace.app.cli.BadArgument;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Bad request parameters become RFC 9457 problem bodies with status 400. */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
class ApiProblems {

  @ExceptionHandler(BadArgument.class)
  ProblemDetail badArgument(BadArgument error) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, error.getMessage());
    problem.setTitle("Bad request parameter");
    return problem;
  }
}
