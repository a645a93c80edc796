package org.socius.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.socius.people.PeopleTest.actor;
import static org.socius.people.PeopleTest.event;
import static org.socius.people.PeopleTest.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.networks.EventType;
import org.socius.people.internal.PeopleDirectory;
import org.socius.people.internal.PersonStore;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.socius.testing.Teams;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Strengths computed for a list are kept with the people (all of them, in one write) and read
 * back as they were; a new interaction drops the kept one, so the next list shows it counted.
 */
class StrengthKeptTest {

  @ParameterizedTest
  @EnumSource(Store.class)
  void strengthsOfAListAreKeptAndANewInteractionRecountsThem(Store store) {
    SociusApp app = SociusApp.shared(store);
    var team = Teams.create(app);
    Instant now = Instant.now();
    for (String id : List.of("k1", "k2", "k3")) {
      publish(app, event(team, EventType.MENTIONED, actor(id, "@" + id + "@one.example", "Kept " + id, "Weaver"), null, false,
          now.minus(Duration.ofDays(3))));
    }
    PeopleDirectory directory = app.bean(PeopleDirectory.class);
    List<Person> people = app.bean(PersonStore.class).search(team.workspaceId(), "weaver", PersonStore.Order.RECENT, 10);
    assertThat(people).hasSize(3);

    Map<String, Strength> first = directory.strengths(team.workspaceId(), people);
    assertThat(kept(app, team.workspaceId())).as("every one of the list kept").isEqualTo(3);
    assertThat(directory.strengths(team.workspaceId(), people)).as("read back as computed").isEqualTo(first);

    // one of them answers again: their kept strength goes, and the next reading counts the new words
    Person k1 = people.stream().filter(p -> p.displayName().equals("Kept k1")).findFirst().orElseThrow();
    publish(app, event(team, EventType.REPLIED, actor("k1", "@k1@one.example", "Kept k1", "Weaver"), null, false, now));
    assertThat(kept(app, team.workspaceId())).isEqualTo(2);
    Map<String, Strength> second = directory.strengths(team.workspaceId(), people);
    assertThat(second.get(k1.id()).score()).isGreaterThan(first.get(k1.id()).score());
    assertThat(kept(app, team.workspaceId())).isEqualTo(3);
  }

  private static long kept(SociusApp app, String workspaceId) {
    return app.bean(JdbcClient.class).sql("SELECT COUNT(*) FROM people WHERE workspace_id = :ws AND strength_at IS NOT NULL")
        .param("ws", workspaceId).query(Long.class).single();
  }
}
