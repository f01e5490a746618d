#!/usr/bin/env bash
# `make run`: builds the extension, then shows it working. With a display and a network it
# opens Chromium on x.com with Boomerang loaded (sign in and answer a mention). Otherwise it
# serves the offline copies of X's pages at their real addresses, walks through each feature
# headless, and writes screenshots and a report to out/demo/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
scripts/setup.sh browser

if [[ -n "${DISPLAY:-}" ]] && curl -fsS -o /dev/null --max-time 5 https://x.com/ 2>/dev/null; then
  profile=$(mktemp -d -t boomerang-run-XXXXXX)
  echo "Opening x.com in Chromium with Boomerang (profile in $profile)"
  exec /usr/bin/chromium --user-data-dir="$profile" --no-first-run \
    --disable-extensions-except="$PWD/dist" --load-extension="$PWD/dist" https://x.com/notifications
fi
echo "No display or no network: walking through the offline demo pages headless."
node scripts/demo.mjs
