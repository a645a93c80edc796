package org.socius.networks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socius.platform.DomainException;
import org.socius.publishing.PublishingKit;
import org.socius.team.Role;
import org.socius.team.internal.security.ApiTokenPrincipal;
import org.socius.team.internal.security.SignedInUser;
import org.socius.testing.MastodonStatuses;
import org.socius.testing.SociusApp;
import org.socius.testing.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The humanity rules in the domain: every way of sending a reply, a mention, a direct message,
 * a like or a repost is tried without a person acting, and is refused before anything reaches
 * the network; a person gets through, once per key; a token needs the "personal messages" scope
 * and is audited; the same words to a second person are a form letter until confirmed.
 */
class HumanityGuardTest {

  static void actAs(Object principal) {
    SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(principal, null, List.of()));
  }

  static String userId(SociusApp app, String email) {
    return app.bean(JdbcClient.class).sql("SELECT id FROM users WHERE email = :e").param("e", email).query(String.class).single();
  }

  static Actor ann(MastodonStatuses server) {
    return new Actor(server.accountId("tok-ann"), "@ann@127.0.0.1", "Ann Bell", "", "", "", "");
  }

  static Actor bob(MastodonStatuses server) {
    return new Actor(server.accountId("tok-bob"), "@bob@127.0.0.1", "Bob Stone", "", "", "", "");
  }

  /** A status of someone else's on the server, to answer or like. */
  static String theirStatus(SociusApp app, MastodonStatuses server, String token, String text) {
    var r = app.session().api("POST", server.url() + "/api/v1/statuses", token, "{\"status\":\"" + text + "\"}");
    return r.body().replaceAll("(?s)^\\{\"id\":\"(\\d+)\".*", "$1");
  }

  static PersonalMessages.Message reply(Actor to, String text, String replyTo, String key) {
    return new PersonalMessages.Message(PersonalMessages.Kind.REPLY, to, text, replyTo, false, false, key);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void nothingGoesOutWithoutAPersonAndAPersonSendsOnce(Store store) throws Exception {
    SociusApp app = SociusApp.shared(store);
    try (var server = new MastodonStatuses(); var kit = new PublishingKit(app, server, 1)) {
      String ws = kit.team.workspaceId();
      String channel = kit.channels.get(0);
      String theirs = theirStatus(app, server, "tok-ann", "Anyone ringing bells this Sunday?");
      PersonalMessages messages = app.bean(PersonalMessages.class);
      int before = server.statuses().size();

      // no person: the test thread, and a worker thread like a job's, have no signed-in person
      SecurityContextHolder.clearContext();
      assertThatThrownBy(() -> messages.send(ws, channel, reply(ann(server), "Yes, at ten!", theirs, "k1")))
          .isInstanceOf(DomainException.Forbidden.class);
      var fromJob = CompletableFuture.runAsync(() -> messages.react(ws, channel, PersonalMessages.Reaction.LIKE, ann(server), theirs));
      assertThatThrownBy(fromJob::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(DomainException.Forbidden.class);
      // the ordinary publisher (queue, recipes) cannot reply or send a direct message either
      Publisher publisher = app.bean(Publisher.class);
      assertThatThrownBy(() -> publisher.publish(ws, channel, new OutgoingPost(List.of("Yes!"), List.of(), theirs, "public"), "p1"))
          .isInstanceOf(DomainException.Forbidden.class);
      assertThatThrownBy(() -> publisher.publish(ws, channel, new OutgoingPost(List.of("@ann hi"), List.of(), null, "direct"), "p2"))
          .isInstanceOf(DomainException.Forbidden.class);
      // a token without the scope, a token of another workspace
      String ownerId = userId(app, kit.team.owner().email());
      actAs(new ApiTokenPrincipal("t1", ownerId, ws, Role.OWNER, false));
      assertThatThrownBy(() -> messages.send(ws, channel, reply(ann(server), "Yes, at ten!", theirs, "k1")))
          .isInstanceOf(DomainException.Forbidden.class);
      actAs(new ApiTokenPrincipal("t2", ownerId, "another-workspace", Role.OWNER, true));
      assertThatThrownBy(() -> messages.send(ws, channel, reply(ann(server), "Yes, at ten!", theirs, "k1")))
          .isInstanceOf(DomainException.Forbidden.class);
      // a signed-in person who is not a member of this workspace
      actAs(new SignedInUser("someone-else", "else@socius.test"));
      assertThatThrownBy(() -> messages.send(ws, channel, reply(ann(server), "Yes, at ten!", theirs, "k1")))
          .isInstanceOf(DomainException.Forbidden.class);
      assertThat(server.statuses()).hasSize(before);
      assertThat(server.reactions()).isEmpty();

      // the owner, signed in, with words they wrote: sent once, however often the form is sent
      actAs(new SignedInUser(ownerId, kit.team.owner().email()));
      var sent = messages.send(ws, channel, reply(ann(server), "Yes, at ten! See you at the tower.", theirs, "k1"));
      var again = messages.send(ws, channel, reply(ann(server), "Yes, at ten! See you at the tower.", theirs, "k1"));
      assertThat(again.remoteId()).isEqualTo(sent.remoteId());
      var made = server.status(sent.remoteId()).orElseThrow();
      assertThat(made.text()).isEqualTo("@ann@127.0.0.1 Yes, at ten! See you at the tower.");
      assertThat(made.json()).contains("\"in_reply_to_id\":\"" + theirs + "\"");
      assertThat(server.statuses()).hasSize(before + 1);
      messages.react(ws, channel, PersonalMessages.Reaction.LIKE, ann(server), theirs);
      messages.react(ws, channel, PersonalMessages.Reaction.LIKE, ann(server), theirs);
      assertThat(server.reactions()).extracting(MastodonStatuses.Reaction::kind).containsExactly("favourite");

      // the reply is the person's 'out' interaction, by this member
      var row = app.bean(JdbcClient.class).sql("""
          SELECT i.kind, i.member_id FROM interactions i JOIN person_identities p ON p.person_id = i.person_id
           WHERE i.workspace_id = :ws AND p.remote_id = :r AND i.direction = 'out' ORDER BY i.occurred_at""")
          .param("ws", ws).param("r", ann(server).remoteId()).query((rs, n) -> rs.getString(1) + "/" + (rs.getString(2) != null)).list();
      assertThat(row).containsExactly("replied/true", "favourited/true");
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aTokenWithThePersonalScopeIsAuditedAndAFormLetterNeedsConfirming(Store store) {
    SociusApp app = SociusApp.shared(store);
    try (var server = new MastodonStatuses(); var kit = new PublishingKit(app, server, 1)) {
      String ws = kit.team.workspaceId();
      String channel = kit.channels.get(0);
      String toAnn = theirStatus(app, server, "tok-ann", "New here, hello!");
      String toBob = theirStatus(app, server, "tok-bob", "First post.");
      PersonalMessages messages = app.bean(PersonalMessages.class);
      String ownerId = userId(app, kit.team.owner().email());
      actAs(new ApiTokenPrincipal("token-with-scope", ownerId, ws, Role.OWNER, true));

      messages.send(ws, channel, reply(ann(server), "Welcome, Ann! What brought you to bell ringing?", toAnn, "a"));
      // to her again, the same words are no form letter: they were written for her
      messages.send(ws, channel, reply(ann(server), "Welcome, Ann! What brought you to bell ringing?", toAnn, "d"));
      // the same words to Bob, his name in place of hers: a form letter
      assertThatThrownBy(() -> messages.send(ws, channel, reply(bob(server), "Welcome, Bob! What brought you to bell ringing?", toBob, "b")))
          .isInstanceOfSatisfying(DomainException.Conflict.class, e -> assertThat(e.key()).isEqualTo("problem.form-letter"));
      int made = server.statuses().size();
      // edited, it goes; or confirmed as it is
      messages.send(ws, channel, reply(bob(server), "Welcome, Bob! Which tower do you ring at?", toBob, "b"));
      messages.send(ws, channel, new PersonalMessages.Message(PersonalMessages.Kind.REPLY, bob(server),
          "Welcome, Bob! What brought you to bell ringing?", toBob, false, true, "c"));
      assertThat(server.statuses()).hasSize(made + 2);

      var audit = app.bean(JdbcClient.class).sql("SELECT action FROM personal_act_audit WHERE workspace_id = :ws ORDER BY at, id")
          .param("ws", ws).query(String.class).list();
      assertThat(audit).hasSize(5).allMatch("send-reply"::equals);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void onlyAPersonInABrowserGrantsTheScopeAndAViewerCannotSend(Store store) {
    SociusApp app = SociusApp.shared(store);
    try (var server = new MastodonStatuses(); var kit = new PublishingKit(app, server, 1)) {
      var r = kit.api("POST", "/tokens", "{\"name\":\"script\",\"role\":\"editor\",\"personalMessages\":true}");
      assertThat(r.status()).as(r.body()).isEqualTo(403);
      assertThat(r.body()).contains("Only a person signed in");
      var page = "/w/" + kit.team.slug() + "/settings/tokens";
      var created = kit.team.owner().web().post(page, page, Map.of("name", "personal", "role", "editor", "personalMessages", "true"));
      assertThat(created.status()).isEqualTo(200);
      var list = kit.api("GET", "/tokens", null);
      assertThat(list.body()).contains("\"name\":\"personal\"").contains("\"personalMessages\":true");

      var viewer = kit.team.join("viewer");
      String viewerId = userId(app, viewer.email());
      actAs(new SignedInUser(viewerId, viewer.email()));
      String theirs = theirStatus(app, server, "tok-ann", "Hello");
      assertThatThrownBy(() -> app.bean(PersonalMessages.class).send(kit.team.workspaceId(), kit.channels.get(0),
          reply(ann(server), "Hi Ann", theirs, "v")))
          .isInstanceOf(DomainException.Forbidden.class);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
