#!/bin/sh
# Runs inside a loopback-only network namespace (unshare -n): our bot from dist/ in local mode, Microsoft 365
# Agents Playground as a real Teams client, and a driver that talks to the playground's HTTP/WebSocket API.
# Nothing can reach anything but 127.0.0.1. Usage: unshare -n sh test/e2e/playground-run.sh <repo> <playground dir>
# [driver]: the driver script (default test/e2e/playground-drive.mjs), given the playground dir.
set -eu
REPO="$1"
PLAYGROUND="$2"
DRIVER="${3:-$REPO/test/e2e/playground-drive.mjs}"
ip link set lo up
STUB=$(mktemp -d)
printf '#!/bin/sh\nexit 0\n' > "$STUB/xdg-open" && chmod +x "$STUB/xdg-open"   # the playground exits without one
export PATH="$STUB:$PATH" APPLICATION_INSIGHTS_NO_STATSBEAT=true
DATA=$(mktemp -d)
cd "$REPO"
HOST=127.0.0.1 PORT=3978 DATA_DIR="$DATA" KNOWLEDGE_DIR="$REPO/knowledge" node dist/src/main.js > "$DATA/bot.log" 2>&1 &
BOT=$!
# from the temp folder: the playground writes devTools/ logs into its working directory
(cd "$DATA" && exec node "$PLAYGROUND/node_modules/.bin/agentsplayground" -e http://127.0.0.1:3978/api/messages -c msteams --disable-telemetry -p 56150 > "$DATA/playground.log" 2>&1) &
PG=$!
trap 'kill $PG $BOT 2>/dev/null || true' EXIT
# up to 90 s: on a busy 2-core machine the playground alone has taken over 30 s to start
UP=no
for _ in $(seq 1 180); do
  if curl -sf -o /dev/null http://127.0.0.1:56150/_internal/v1/config && curl -sf -o /dev/null http://127.0.0.1:3978/healthz; then UP=yes; break; fi
  sleep 0.5
done
if [ "$UP" != yes ]; then echo "the bot or the playground did not start within 90 s" >&2; tail -5 "$DATA/playground.log" "$DATA/bot.log" >&2; exit 1; fi
node "$DRIVER" "$PLAYGROUND"
