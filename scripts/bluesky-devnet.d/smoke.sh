#!/usr/bin/env bash
# End-to-end checks against a running local Bluesky network (scripts/bluesky-devnet start),
# with plain curl against the PDS and the PLC directory, as Socius talks to them.
#   scripts/bluesky-devnet.d/smoke.sh [ENV_FILE]     (default target/bluesky-devnet.env)
# Accounts: alice.test and bob.test (SMOKE_ALICE / SMOKE_BOB change the names); a second run
# logs in to the accounts that the first one created. Exits non-zero when a check fails.
# With a network started with --access-token-ttl of 20 s or less it also waits for the access
# token to expire and checks the ExpiredToken answer and the refresh.
set -euo pipefail

PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ENV_FILE="${1:-$PROJECT_DIR/target/bluesky-devnet.env}"
[[ -f "$ENV_FILE" ]] || { echo "smoke: no env file $ENV_FILE; run scripts/bluesky-devnet start" >&2; exit 2; }
# shellcheck disable=SC1090
source "$ENV_FILE"
PDS="$BLUESKY_PDS_URL"
PLC="$BLUESKY_PLC_URL"
DOMAIN="${BLUESKY_HANDLE_DOMAIN:-.test}"
ALICE="${SMOKE_ALICE:-alice$DOMAIN}"
BOB="${SMOKE_BOB:-bob$DOMAIN}"
PASSWORD="${SMOKE_PASSWORD:-smoke-password-1}"
RUN="$(date -u +%Y%m%dT%H%M%S)-$$"
passed=0 failed=0
started=$SECONDS

ok() { passed=$((passed + 1)); echo "ok   $*"; }
fail() { failed=$((failed + 1)); echo "FAIL $*" >&2; }
fatal() { fail "$*"; echo "smoke: $passed passed, $failed failed" >&2; exit 1; }

# j EXPR: evaluate a JavaScript expression on the JSON from stdin (`o`); strings print raw.
j() {
  node -e '
    let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
      let o; try { o = JSON.parse(s) } catch { o = undefined }
      let v; try { v = new Function("o", "return (" + process.argv[1] + ")")(o) } catch { v = undefined }
      if (v === undefined || v === null || v === false) process.exit(1)
      console.log(typeof v === "string" ? v : JSON.stringify(v))
    })' "$1"
}

# xrpc METHOD NSID [TOKEN] [JSON-BODY | QUERY]: sets BODY and STATUS (the HTTP status).
BODY= STATUS=
xrpc() {
  local method="$1" nsid="$2" token="${3:-}" arg="${4:-}" out args=(-sS -m 20 -w '\n%{http_code}')
  [[ -n "$token" ]] && args+=(-H "authorization: Bearer $token")
  if [[ "$method" == POST ]]; then
    args+=(-X POST -H 'content-type: application/json')
    [[ -n "$arg" ]] && args+=(--data-binary "$arg")
    out="$(curl "${args[@]}" "$PDS/xrpc/$nsid")" || true
  else
    out="$(curl "${args[@]}" "$PDS/xrpc/$nsid${arg:+?$arg}")" || true
  fi
  STATUS="${out##*$'\n'}"
  BODY="${out%$'\n'*}"
}

# poll SECONDS CMD...: run CMD every half second until it succeeds.
poll() {
  local until=$((SECONDS + $1)); shift
  until "$@"; do
    (( SECONDS < until )) || return 1
    sleep 0.5
  done
}

tid() {  # a fresh record key in the TID format (microseconds since 1970, 10-bit clock id)
  node -e '
    const c = "234567abcdefghijklmnopqrstuvwxyz"
    let n = (BigInt(Date.now()) * 1000n + BigInt(process.hrtime()[1] % 1000)) << 10n | BigInt(Math.floor(Math.random() * 1024))
    let s = ""; for (let i = 0; i < 13; i++) { s = c[Number(n & 31n)] + s; n >>= 5n }
    console.log(s)'
}

now() { date -u +%Y-%m-%dT%H:%M:%S.000Z; }

echo "smoke: PDS $PDS, PLC $PLC, AppView ${BLUESKY_APPVIEW_URL:-?}, run $RUN"
curl -fsS -m 5 "$PDS/xrpc/_health" >/dev/null || fatal "PDS $PDS/xrpc/_health does not answer"
ok "PDS health"

xrpc GET com.atproto.server.describeServer; describe="$BODY"
[[ "$(j 'o.inviteCodeRequired' <<<"$describe" || echo false)" == false ]] \
  && j "o.availableUserDomains.includes('$DOMAIN')" <<<"$describe" >/dev/null \
  && ok "describeServer: no invite code required, handle domain $DOMAIN" \
  || fail "describeServer: $describe"

# --- accounts and sessions -----------------------------------------------------------------
# session HANDLE: createAccount (no invite code; on a second run the account exists), then
# createSession; the session JSON is left in SESSION.
SESSION=
session() {
  local handle="$1" body
  xrpc POST com.atproto.server.createAccount "" \
    "{\"handle\":\"$handle\",\"email\":\"${handle%%.*}@example.com\",\"password\":\"$PASSWORD\"}"
  body="$BODY"
  if [[ "$STATUS" == 200 ]]; then
    ok "createAccount $handle -> $(j o.did <<<"$body")"
  elif [[ "$body" == *'already taken'* ]]; then
    ok "createAccount $handle: exists from an earlier run"
  else
    fatal "createAccount $handle: $STATUS $body"
  fi
  xrpc POST com.atproto.server.createSession "" "{\"identifier\":\"$handle\",\"password\":\"$PASSWORD\"}"; body="$BODY"
  [[ "$STATUS" == 200 ]] || fatal "createSession $handle: $STATUS $body (account made by someone else with another password? set SMOKE_ALICE/SMOKE_BOB)"
  j "o.accessJwt && o.refreshJwt && o.did && o.handle === '$handle'" <<<"$body" >/dev/null \
    || fatal "createSession $handle: unexpected $body"
  ok "createSession $handle (pds in didDoc: $(j "o.didDoc.service.find(s => s.id === '#atproto_pds').serviceEndpoint" <<<"$body" || echo none))"
  SESSION="$body"
}
session "$ALICE"; alice_session="$SESSION"
session "$BOB"; bob_session="$SESSION"
ALICE_DID="$(j o.did <<<"$alice_session")"; BOB_DID="$(j o.did <<<"$bob_session")"
ALICE_JWT="$(j o.accessJwt <<<"$alice_session")"; ALICE_REFRESH="$(j o.refreshJwt <<<"$alice_session")"
BOB_JWT="$(j o.accessJwt <<<"$bob_session")"; BOB_REFRESH="$(j o.refreshJwt <<<"$bob_session")"
ALICE_AT=$SECONDS BOB_AT=$SECONDS
TTL="${BLUESKY_ACCESS_TOKEN_TTL:-7200}"

# With a short access token lifetime (start --access-token-ttl) renew the tokens in time.
renew_one() {  # ALICE | BOB
  local -n jwt="$1_JWT" refresh="$1_REFRESH" at="$1_AT"
  (( SECONDS - at >= TTL / 2 )) || return 0
  xrpc POST com.atproto.server.refreshSession "$refresh"
  [[ "$STATUS" == 200 ]] || fatal "refreshSession for $1: $STATUS $BODY"
  jwt="$(j o.accessJwt <<<"$BODY")"; refresh="$(j o.refreshJwt <<<"$BODY")"; at=$SECONDS
}
renew() { renew_one ALICE; renew_one BOB; }

xrpc POST com.atproto.server.createSession "" "{\"identifier\":\"$ALICE\",\"password\":\"wrong-$RUN\"}"; body="$BODY"
[[ "$STATUS" == 401 ]] && ok "createSession with a wrong password: 401" || fail "wrong password: $STATUS $body"

# --- profiles (bio) ---------------------------------------------------------------------------
put_profile() {  # DID JWT NAME BIO
  local body
  xrpc POST com.atproto.repo.putRecord "$2" "{\"repo\":\"$1\",\"collection\":\"app.bsky.actor.profile\",\"rkey\":\"self\",\"record\":{\"\$type\":\"app.bsky.actor.profile\",\"displayName\":\"$3\",\"description\":\"$4\"}}"; body="$BODY"
  [[ "$STATUS" == 200 ]] && ok "putRecord app.bsky.actor.profile of $3" || fail "putRecord profile $3: $STATUS $body"
}
ALICE_BIO="Alice writes about gardens (smoke $RUN)"
BOB_BIO="Bob bakes bread (smoke $RUN)"
renew
put_profile "$ALICE_DID" "$ALICE_JWT" Alice "$ALICE_BIO"
put_profile "$BOB_DID" "$BOB_JWT" Bob "$BOB_BIO"

# --- follow and what the AppView makes of it --------------------------------------------------
renew
xrpc POST com.atproto.repo.createRecord "$BOB_JWT" "{\"repo\":\"$BOB_DID\",\"collection\":\"app.bsky.graph.follow\",\"record\":{\"\$type\":\"app.bsky.graph.follow\",\"subject\":\"$ALICE_DID\",\"createdAt\":\"$(now)\"}}"; body="$BODY"
[[ "$STATUS" == 200 ]] && ok "createRecord app.bsky.graph.follow: $BOB follows $ALICE" || fail "follow: $STATUS $body"

follow_notified() {
  renew
  xrpc GET app.bsky.notification.listNotifications "$ALICE_JWT" "limit=50"
  j "o.notifications.find(n => n.reason === 'follow' && n.author.did === '$BOB_DID' && n.author.description === '$BOB_BIO')" <<<"$BODY" >/dev/null
}
t0=$SECONDS
poll 30 follow_notified \
  && ok "listNotifications of $ALICE: follow by $BOB with his bio (after $((SECONDS - t0)) s)" \
  || fail "listNotifications: no follow by $BOB carrying '$BOB_BIO' within 30 s: $BODY"

followers_listed() {
  renew
  xrpc GET app.bsky.graph.getFollowers "$ALICE_JWT" "actor=$ALICE"
  j "o.followers.some(f => f.did === '$BOB_DID')" <<<"$BODY" >/dev/null
}
poll 30 followers_listed && ok "getFollowers of $ALICE lists $BOB" || fail "getFollowers: $BOB not listed: $BODY"

profile_indexed() {
  renew
  xrpc GET app.bsky.actor.getProfile "$BOB_JWT" "actor=$ALICE"
  j "o.description === '$ALICE_BIO'" <<<"$BODY" >/dev/null
}
poll 30 profile_indexed && ok "getProfile $ALICE: description is her bio" || fail "getProfile $ALICE: $BODY"

# --- identity: handle -> DID -> PLC document -> PDS -----------------------------------------
xrpc GET com.atproto.identity.resolveHandle "" "handle=$ALICE"; body="$BODY"
[[ "$(j o.did <<<"$body" || true)" == "$ALICE_DID" ]] && ok "resolveHandle $ALICE -> $ALICE_DID" || fail "resolveHandle: $body"

doc="$(curl -sS -m 10 "$PLC/$ALICE_DID")"
endpoint="$(j "o.service.find(s => s.id === '#atproto_pds').serviceEndpoint" <<<"$doc" || true)"
aka="$(j "o.alsoKnownAs.includes('at://$ALICE')" <<<"$doc" || true)"
if [[ -n "$endpoint" && "$aka" == true && "${endpoint##*:}" == "${PDS##*:}" ]]; then
  ok "PLC GET /$ALICE_DID: #atproto_pds $endpoint, alsoKnownAs at://$ALICE"
else
  fail "PLC document: $doc"
fi

# --- tokens -----------------------------------------------------------------------------------
jwt_lifetime() {  # JWT -> exp - iat in seconds
  node -e 'const p = JSON.parse(Buffer.from(process.argv[1].split(".")[1], "base64url")); console.log(p.exp - p.iat)' "$1"
}
xrpc POST com.atproto.server.createSession "" "{\"identifier\":\"$ALICE\",\"password\":\"$PASSWORD\"}"
token_session="$BODY"
lifetime="$(jwt_lifetime "$(j o.accessJwt <<<"$token_session")" || echo '?')"
refresh_lifetime="$(jwt_lifetime "$(j o.refreshJwt <<<"$token_session")" || echo '?')"
[[ "$lifetime" == "${BLUESKY_ACCESS_TOKEN_TTL:-7200}" ]] \
  && ok "access token lifetime ${lifetime} s (refresh token ${refresh_lifetime} s)" \
  || fail "access token lifetime $lifetime s, expected ${BLUESKY_ACCESS_TOKEN_TTL:-7200}"

# refreshSession is called with the refresh token as bearer and rotates it.
xrpc POST com.atproto.server.refreshSession "$(j o.refreshJwt <<<"$token_session")"; refreshed="$BODY"
if [[ "$STATUS" == 200 ]] && j "o.accessJwt && o.refreshJwt && o.did === '$ALICE_DID'" <<<"$refreshed" >/dev/null; then
  xrpc GET com.atproto.server.getSession "$(j o.accessJwt <<<"$refreshed")"; body="$BODY"
  [[ "$STATUS" == 200 ]] && ok "refreshSession: new tokens work (getSession 200)" || fail "getSession after refresh: $STATUS $body"
else
  fail "refreshSession: $STATUS $refreshed"
fi
xrpc GET com.atproto.server.getSession "$(j o.refreshJwt <<<"$refreshed")"; body="$BODY"
[[ "$STATUS" == 400 ]] && ok "a refresh token is no access token: $STATUS $(j o.error <<<"$body" || true)" \
  || fail "getSession with a refresh token: $STATUS $body"

ttl="$TTL"
if (( ttl <= 20 )); then
  short="$(j o.accessJwt <<<"$refreshed")"
  sleep $((ttl + 2))
  xrpc GET com.atproto.server.getSession "$short"; body="$BODY"
  [[ "$STATUS" == 400 && "$(j o.error <<<"$body" || true)" == ExpiredToken ]] \
    && ok "expired access token: 400 ExpiredToken after ${ttl} s" || fail "expired access token: $STATUS $body"
  xrpc POST com.atproto.server.refreshSession "$(j o.refreshJwt <<<"$refreshed")"; again="$BODY"
  body=
  if [[ "$STATUS" == 200 ]]; then
    xrpc GET com.atproto.server.getSession "$(j o.accessJwt <<<"$again")"; body="$BODY"
  fi
  [[ "$STATUS" == 200 ]] && ok "refreshSession after expiry: new access token works" || fail "refresh after expiry: $STATUS $again $body"
else
  echo "skip expiry check (access token TTL ${ttl} s; start with --access-token-ttl 5s to run it)"
fi

# --- idempotent post with our own TID ---------------------------------------------------------
renew
rkey="$(tid)"
post="{\"\$type\":\"app.bsky.feed.post\",\"text\":\"Idempotent hello ($RUN)\",\"createdAt\":\"$(now)\",\"langs\":[\"en\"]}"
put="{\"repo\":\"$ALICE_DID\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"$rkey\",\"swapRecord\":null,\"record\":$post}"
xrpc POST com.atproto.repo.putRecord "$ALICE_JWT" "$put"; first="$BODY"
[[ "$STATUS" == 200 ]] && ok "putRecord post rkey $rkey with swapRecord null: $(j o.uri <<<"$first")" || fail "putRecord post: $STATUS $first"
xrpc POST com.atproto.repo.putRecord "$ALICE_JWT" "$put"; second="$BODY"
if [[ "$STATUS" == 200 && "$(j o.uri <<<"$second")" == "$(j o.uri <<<"$first")" && "$(j o.cid <<<"$second")" == "$(j o.cid <<<"$first")" ]] \
   && ! j o.commit <<<"$second" >/dev/null; then
  ok "same putRecord again: no-op, same uri and cid, no commit"
else
  fail "repeated putRecord: $STATUS $second"
fi
changed="${put/Idempotent hello/Changed hello}"
xrpc POST com.atproto.repo.putRecord "$ALICE_JWT" "$changed"; body="$BODY"
[[ "$STATUS" == 400 && "$(j o.error <<<"$body" || true)" == InvalidSwap ]] \
  && ok "a different record under the same rkey with swapRecord null: 400 InvalidSwap" || fail "swap: $STATUS $body"
xrpc GET com.atproto.repo.listRecords "" "repo=$ALICE_DID&collection=app.bsky.feed.post&limit=100"
count="$(j "o.records.filter(r => r.uri.endsWith('/$rkey')).length" <<<"$BODY" || echo 0)"
[[ "$count" == 1 ]] && ok "listRecords: the post is there once" || fail "listRecords: $count records with rkey $rkey"

# --- blob upload and a post that embeds it ----------------------------------------------------
renew
png="$(mktemp)"; trap 'rm -f "$png"' EXIT
base64 -d >"$png" <<<'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='
out="$(curl -sS -m 20 -w '\n%{http_code}' -X POST -H "authorization: Bearer $ALICE_JWT" -H 'content-type: image/png' \
  --data-binary @"$png" "$PDS/xrpc/com.atproto.repo.uploadBlob")"
STATUS="${out##*$'\n'}"; blob_answer="${out%$'\n'*}"
blob="$(j o.blob <<<"$blob_answer" || true)"
size="$(stat -c %s "$png")"
if [[ "$STATUS" == 200 && "$(j "o.mimeType + ' ' + o.size" <<<"$blob" || true)" == "image/png $size" ]]; then
  ok "uploadBlob: $(j o.ref.\$link <<<"$blob"), image/png, $size bytes"
  xrpc POST com.atproto.repo.putRecord "$ALICE_JWT" "{\"repo\":\"$ALICE_DID\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"$(tid)\",\"record\":{\"\$type\":\"app.bsky.feed.post\",\"text\":\"A picture ($RUN)\",\"createdAt\":\"$(now)\",\"embed\":{\"\$type\":\"app.bsky.embed.images\",\"images\":[{\"alt\":\"one pixel\",\"image\":$blob,\"aspectRatio\":{\"width\":1,\"height\":1}}]}}}"; body="$BODY"
  [[ "$STATUS" == 200 ]] && ok "post embedding the blob" || fail "post with image: $STATUS $body"
  cid="$(j o.ref.\$link <<<"$blob")"
  [[ "$(curl -sS -m 10 "$PDS/xrpc/com.atproto.sync.getBlob?did=$ALICE_DID&cid=$cid" | cmp - "$png" && echo same)" == same ]] \
    && ok "sync.getBlob returns the same bytes" || fail "getBlob differs"
else
  fail "uploadBlob: $STATUS $blob_answer"
fi

echo "smoke: $((SECONDS - started)) s"
echo "smoke: $passed passed, $failed failed"
(( failed == 0 ))
