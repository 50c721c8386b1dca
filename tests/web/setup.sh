#!/bin/sh
# Install what the browser test needs: Debian chromium and nodejs (and npm
# when node came without it), then playwright-core into tests/web/node_modules.
# Fails loudly (non-zero, with the reason) when something cannot be installed.
cd "$(dirname "$0")/../.." || exit 1
need=""
[ -x /usr/bin/chromium ] || need="$need chromium"
command -v node >/dev/null 2>&1 || need="$need nodejs"
if [ -n "$need" ]; then
	./scripts/deps.sh $need || { echo "web: cannot install:$need" >&2; exit 1; }
fi
if ! command -v npm >/dev/null 2>&1; then
	./scripts/deps.sh npm || { echo "web: cannot install npm" >&2; exit 1; }
fi
[ -x /usr/bin/chromium ] || { echo "web: /usr/bin/chromium is missing after install" >&2; exit 1; }
if [ ! -f tests/web/node_modules/playwright-core/package.json ]; then
	echo "web: npm install playwright-core into tests/web/node_modules"
	(cd tests/web && npm install --no-audit --no-fund --loglevel=error) ||
		{ echo "web: npm install playwright-core failed" >&2; exit 1; }
fi
