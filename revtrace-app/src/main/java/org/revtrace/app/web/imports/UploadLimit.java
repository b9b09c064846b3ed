package org.revtrace.app.web.imports;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over {@code spring.servlet.multipart.max-file-size} or {@code max-request-size} answers
 * 413 with an RFC 9457 problem. The limit is checked while the request is parsed, before any
 * controller is chosen, so this advice applies to every controller.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimit {

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ProblemDetail tooLarge(MaxUploadSizeExceededException error) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONTENT_TOO_LARGE,
            "the upload is larger than the server accepts (spring.servlet.multipart.max-file-size"
                + " and max-request-size)");
    problem.setTitle("Upload too large");
    return problem;
  }
}
