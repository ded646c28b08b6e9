#!/bin/sh
# Screenshots of Microsoft 365 Agents Playground's web page in headless Chromium (the welcome card, a question card
# answered with a click on the page, a group summary), inside a loopback-only network namespace like the e2e test.
# Not part of the test suite. Usage: npm run build && unshare -n sh test/e2e/playground-screenshots.sh <repo> <playground dir> <out dir>
set -eu
REPO="$1"; PLAYGROUND="$2"; OUT="$3"
ip link set lo up
STUB=$(mktemp -d)
printf '#!/bin/sh\nexit 0\n' > "$STUB/xdg-open" && chmod +x "$STUB/xdg-open"   # the playground exits without one
export PATH="$STUB:$PATH" APPLICATION_INSIGHTS_NO_STATSBEAT=true
DATA=$(mktemp -d)
cd "$REPO"
HOST=127.0.0.1 PORT=3978 DATA_DIR="$DATA" KNOWLEDGE_DIR="$REPO/knowledge" node dist/src/main.js > "$DATA/bot.log" 2>&1 &
BOT=$!
(cd "$DATA" && exec node "$PLAYGROUND/node_modules/.bin/agentsplayground" -e http://127.0.0.1:3978/api/messages -c msteams --disable-telemetry -p 56150 > "$DATA/playground.log" 2>&1) &
PG=$!
/usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update \
  --disable-sync --user-data-dir="$(mktemp -d)" --remote-debugging-port=9222 about:blank > "$DATA/chromium.log" 2>&1 &
CHROMIUM=$!
trap 'kill $PG $BOT $CHROMIUM 2>/dev/null || true' EXIT
# up to 90 s: on a busy 2-core machine the playground alone has taken over 30 s to start
UP=no
for _ in $(seq 1 180); do
  if curl -sf -o /dev/null http://127.0.0.1:56150/_internal/v1/config && curl -sf -o /dev/null http://127.0.0.1:3978/healthz && curl -sf -o /dev/null http://127.0.0.1:9222/json/version; then UP=yes; break; fi
  sleep 0.5
done
if [ "$UP" != yes ]; then echo "the bot or the playground did not start within 90 s" >&2; tail -5 "$DATA/playground.log" "$DATA/bot.log" >&2; exit 1; fi
node "$REPO/test/e2e/playground-screenshots.mjs" "$REPO" "$PLAYGROUND" "$OUT"
