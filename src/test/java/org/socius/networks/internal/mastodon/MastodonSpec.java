package org.socius.networks.internal.mastodon;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.socius.testing.Prerequisites;
import tools.jackson.databind.JsonNode;

/**
 * The Mastodon API description beside the project ({@code ../shared/specs/mastodon-openapi.json},
 * read in place, never copied), and a JSON Schema 2020-12 / OpenAPI 3.1 validator
 * (networknt json-schema-validator) for the bodies the tests feed the adapter.
 */
final class MastodonSpec {

  private static final String IRI = "https://socius.test/specs/mastodon-openapi.json";
  private static volatile SchemaRegistry registry;
  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private MastodonSpec() {}

  static Path projectRoot() {
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath().normalize();
  }

  static Path path() {
    return projectRoot().resolve("../shared/specs/mastodon-openapi.json").normalize();
  }

  static boolean available() {
    return Files.isRegularFile(path());
  }

  /** Skips the test with a message when the document is missing (fails under CI=true). */
  static void require() {
    Prerequisites.require(available(), "the Mastodon OpenAPI document ../shared/specs/mastodon-openapi.json beside the project");
  }

  /** Violations of the response schema for this operation and status (empty when valid). */
  static List<String> responseErrors(String method, String pathTemplate, int status, JsonNode body) {
    String pointer = "#/paths/" + escape(pathTemplate) + "/" + method.toLowerCase() + "/responses/" + status
        + "/content/application~1json/schema";
    return errors(pointer, body);
  }

  /** Violations of a request body schema (e.g. {@code components/schemas/MediaStatus}). */
  static List<String> schemaErrors(String component, JsonNode body) {
    return errors("#/components/schemas/" + component, body);
  }

  private static List<String> errors(String pointer, JsonNode body) {
    Schema schema = SCHEMAS.computeIfAbsent(pointer, p -> registry().getSchema(SchemaLocation.of(IRI + p)));
    List<Error> errors = schema.validate(body);
    return errors.stream().map(Error::toString).toList();
  }

  private static SchemaRegistry registry() {
    if (registry == null) {
      synchronized (MastodonSpec.class) {
        if (registry == null) {
          String text;
          try {
            text = Files.readString(path());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), b -> b
              .schemas(Map.of(IRI, text))
              .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        }
      }
    }
    return registry;
  }

  private static String escape(String path) {
    return path.replace("~", "~0").replace("/", "~1").replace("{", "%7B").replace("}", "%7D");
  }
}
