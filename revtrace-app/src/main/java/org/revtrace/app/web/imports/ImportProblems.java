package org.revtrace.app.web.imports;

import org.revtrace.app.cli.BadArgument;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;

/**
 * Problems of the import API as RFC 9457 bodies: a bad upload (unknown file name, bad mapping, bad
 * zone) is 400. Too large uploads: {@link UploadLimit}.
 */
@RestControllerAdvice(assignableTypes = ImportApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ImportProblems {

  @ExceptionHandler(BadArgument.class)
  ProblemDetail badArgument(BadArgument error) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, error.getMessage());
    problem.setTitle("Bad import");
    return problem;
  }

  @ExceptionHandler(MultipartException.class)
  ProblemDetail badMultipart(MultipartException error) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "the request is not a readable multipart upload");
    problem.setTitle("Bad import");
    return problem;
  }
}
