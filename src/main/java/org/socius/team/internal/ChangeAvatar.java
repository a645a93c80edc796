package org.socius.team.internal;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.socius.platform.DomainException;
import org.socius.platform.ImageTypes;
import org.socius.team.Member;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member uploads or removes their avatar. Only PNG, JPEG and WebP up to 512 KB are kept, told
 * apart by their first bytes (not by what the browser claims), so nothing else is ever served.
 */
@Service
public class ChangeAvatar {

  public static final int MAX_BYTES = 512 * 1024;
  private static final Set<String> TYPES = Set.of(ImageTypes.PNG, ImageTypes.JPEG, ImageTypes.WEBP);

  public record Avatar(String contentType, byte[] bytes, long updatedAt) {}

  private final JdbcClient jdbc;
  private final MemberStore members;
  private final Clock clock;

  ChangeAvatar(JdbcClient jdbc, MemberStore members, Clock clock) {
    this.jdbc = jdbc;
    this.members = members;
    this.clock = clock;
  }

  @Transactional
  public void upload(Member me, byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new DomainException.Invalid("avatar", "problem.avatar-empty");
    }
    if (bytes.length > MAX_BYTES) {
      throw new DomainException.Invalid("avatar", "problem.avatar-size");
    }
    String type = ImageTypes.sniff(bytes).filter(TYPES::contains)
        .orElseThrow(() -> new DomainException.Invalid("avatar", "problem.avatar-type"));
    jdbc.sql("DELETE FROM member_avatars WHERE member_id = :id").param("id", me.memberId()).update();
    jdbc.sql("INSERT INTO member_avatars (member_id, content_type, bytes, updated_at) VALUES (:id, :type, :bytes, :now)")
        .param("id", me.memberId()).param("type", type).param("bytes", bytes).param("now", clock.millis()).update();
    members.setHasAvatar(me.workspaceId(), me.memberId(), true);
  }

  @Transactional
  public void remove(Member me) {
    jdbc.sql("DELETE FROM member_avatars WHERE member_id = :id").param("id", me.memberId()).update();
    members.setHasAvatar(me.workspaceId(), me.memberId(), false);
  }

  public Optional<Avatar> find(String memberId) {
    return jdbc.sql("SELECT content_type, bytes, updated_at FROM member_avatars WHERE member_id = :id").param("id", memberId)
        .query((rs, n) -> new Avatar(rs.getString(1), rs.getBytes(2), rs.getLong(3))).optional();
  }
}
