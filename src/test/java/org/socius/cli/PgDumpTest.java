package org.socius.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The libpq address printed for pg_dump and pg_restore, for each form of PostgreSQL JDBC URL. */
class PgDumpTest {

  @Test
  void hostPortAndDatabaseWithTheUser() {
    assertThat(PgDump.libpqUri("jdbc:postgresql://db.internal:5433/socius", "socius")).isEqualTo("postgresql://socius@db.internal:5433/socius");
  }

  @Test
  void withoutPortOrUser() {
    assertThat(PgDump.libpqUri("jdbc:postgresql://db.internal/socius", "")).isEqualTo("postgresql://db.internal/socius");
  }

  @Test
  void parametersOfTheJdbcUrlAreLeftOutSoThatNoPasswordIsPrinted() {
    assertThat(PgDump.libpqUri("jdbc:postgresql://db.internal:5432/socius?user=a&password=secret&ssl=true", null))
        .isEqualTo("postgresql://db.internal:5432/socius");
  }

  @Test
  void anIpv6Host() {
    assertThat(PgDump.libpqUri("jdbc:postgresql://[::1]:5432/socius", "")).isEqualTo("postgresql://[::1]:5432/socius");
  }

  /** pgjdbc's short form: a database on localhost:5432. */
  @Test
  void theShortFormWithOnlyADatabaseName() {
    assertThat(PgDump.libpqUri("jdbc:postgresql:socius", "")).isEqualTo("postgresql://localhost/socius");
    assertThat(PgDump.libpqUri("jdbc:postgresql:socius?ssl=true", "ann")).isEqualTo("postgresql://ann@localhost/socius");
  }

  /** pgjdbc's fail-over form with several hosts; libpq takes the same list. */
  @Test
  void severalHosts() {
    assertThat(PgDump.libpqUri("jdbc:postgresql://db1:5432,db2:5433/socius?targetServerType=primary", ""))
        .isEqualTo("postgresql://db1:5432,db2:5433/socius");
  }

  @Test
  void theCommandQuotesTheFileForTheShell() {
    String text = PgDump.command("jdbc:postgresql://db.internal/socius", "", Path.of("/backups/it's here.dump"));
    assertThat(text).contains("pg_dump --format=custom --file='/backups/it'\\''s here.dump' --dbname='postgresql://db.internal/socius'");
    assertThat(text).contains("pg_restore --clean --if-exists --dbname='postgresql://db.internal/socius' '/backups/it'\\''s here.dump'");
  }
}
