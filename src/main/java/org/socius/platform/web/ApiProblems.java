package org.socius.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.socius.platform.DomainException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the REST API as RFC 9457 problem+json. Validation errors list the fields:
 * {@code "errors": [{"field": "email", "message": "…"}]}. Nothing here answers 500 for bad input.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(0)
public class ApiProblems extends ResponseEntityExceptionHandler {

  @ExceptionHandler(DomainException.class)
  ResponseEntity<ProblemDetail> domain(DomainException e) {
    HttpStatus status = statusOf(e);
    String detail = e.messageIn(org.springframework.context.i18n.LocaleContextHolder.getLocale());
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(status.getReasonPhrase());
    if (e instanceof DomainException.Invalid invalid) {
      problem.setProperty("errors", List.of(Map.of("field", invalid.field(), "message", detail)));
    }
    ResponseEntity.BodyBuilder builder = ResponseEntity.status(status);
    if (e instanceof DomainException.TooMany tooMany) {
      builder.header(HttpHeaders.RETRY_AFTER, String.valueOf(tooMany.retryAfterSeconds()));
    }
    return builder.body(problem);
  }

  /** The HTTP status for each kind of domain failure (pages use it too). */
  public static HttpStatus statusOf(DomainException e) {
    if (e instanceof DomainException.NotFound) {
      return HttpStatus.NOT_FOUND;
    } else if (e instanceof DomainException.Forbidden) {
      return HttpStatus.FORBIDDEN;
    } else if (e instanceof DomainException.Conflict) {
      return HttpStatus.CONFLICT;
    } else if (e instanceof DomainException.Upstream) {
      return HttpStatus.BAD_GATEWAY;
    } else if (e instanceof DomainException.TooMany) {
      return HttpStatus.TOO_MANY_REQUESTS;
    }
    return HttpStatus.BAD_REQUEST;
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some fields are not valid");
    problem.setTitle("Bad Request");
    problem.setType(URI.create("about:blank"));
    problem.setProperty("errors", e.getBindingResult().getFieldErrors().stream()
        .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage()))).toList());
    return ResponseEntity.badRequest().body(problem);
  }
}
