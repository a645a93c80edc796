package org.socius.team.internal.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes RFC 9457 problem+json from filters, where no controller advice reaches. */
@Component
class ApiErrors {

  private final JsonMapper json;

  ApiErrors(JsonMapper json) {
    this.json = json;
  }

  void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
    problem.setTitle(title);
    response.setStatus(status);
    response.setContentType("application/problem+json");
    if (status == 401) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"socius\"");
    }
    json.writeValue(response.getOutputStream(), problem);
  }
}
