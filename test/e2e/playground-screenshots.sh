#!/bin/sh
# Screenshots of Microsoft 365 Agents Playground's web page in headless Chromium (the welcome card, a question card
# answered with a click on the page, a group summary), with the bot and the playground started as in the e2e test.
# Not part of the test suite. Usage: npm run build && unshare -n sh test/e2e/playground-screenshots.sh <repo> <playground dir> <out dir>
set -eu
SCREENSHOTS_OUT="$3" exec sh "$1/test/e2e/playground-run.sh" "$1" "$2" "$1/test/e2e/playground-screenshots.mjs"
