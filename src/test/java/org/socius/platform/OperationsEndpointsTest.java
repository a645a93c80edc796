package org.socius.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;

/** What an operator points monitoring at: health with its parts, Prometheus metrics, the API description. */
class OperationsEndpointsTest {

  @ParameterizedTest
  @EnumSource(Store.class)
  void healthReportsTheDatabaseAndTheScheduler(Store store) {
    var r = SociusApp.shared(store).session().api("GET", "/actuator/health", null, null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).contains("\"status\":\"UP\"").contains("\"db\"").contains("\"dbScheduler\"");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void prometheusMetricsAreServedToLoopback(Store store) {
    var app = SociusApp.shared(store);
    var r = app.session().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.baseUrl() + "/actuator/prometheus"))
        .header("Accept", "text/plain"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).contains("jvm_memory_used_bytes").contains("http_server_requests").contains("hikaricp_connections");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void theApiIsDescribedByOpenApi3WithABrowsableUi(Store store) {
    var web = SociusApp.shared(store).session();
    var doc = web.api("GET", "/api/v1/openapi.json", null, null);
    assertThat(doc.status()).isEqualTo(200);
    assertThat(doc.body()).startsWith("{\"openapi\":\"3.")
        .contains("/api/v1/workspaces/{workspaceId}/members").contains("/api/v1/workspaces/{workspaceId}/tokens")
        .contains("/api/v1/workspaces/{workspaceId}/invitations").contains("/api/v1/workspaces/{workspaceId}/profile")
        .contains("\"bearer\"");
    var ui = web.get("/api/docs");
    assertThat(ui.status()).isEqualTo(302);
    assertThat(web.get(ui.location()).status()).isEqualTo(200);
  }
}
