#!/usr/bin/env bash
# Installs the real-editor test tools (Debian packages, Node 24, code-server, Neovim) into .e2e/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
E2E="$ROOT/.e2e"
TOOLS="$E2E/tools"
CODE_SERVER_VERSION="4.139.1"
NODE_MAJOR="24"
mkdir -p "$TOOLS"
start=$(date +%s)
# Under `npm run`, npm exports npm_* variables (its user agent names the outer Node): keep them away from the installs.
while read -r v; do unset "$v"; done < <(compgen -e | grep -i '^npm_' || true)

log() { printf '[e2e-setup] %s\n' "$*"; }

# 1. Debian packages: chromium for playwright, headers for code-server's native modules, Neovim.
APT_PACKAGES=(chromium neovim libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config python3 make g++ unzip)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  log "apt-get install ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
else
  log "Debian packages present"
fi

# 2. Node 24 from the npm registry (code-server 4.139 needs it).
NODE24="$TOOLS/node24/node_modules/.bin/node"
if [ ! -x "$NODE24" ] || [ "$("$NODE24" -p 'process.versions.node.split(".")[0]')" != "$NODE_MAJOR" ]; then
  log "installing node@$NODE_MAJOR"
  mkdir -p "$TOOLS/node24"
  (cd "$TOOLS/node24" && [ -f package.json ] || echo '{"private":true}' > package.json)
  npm install --prefix "$TOOLS/node24" --no-audit --no-fund --loglevel=error "node@$NODE_MAJOR" >/dev/null
else
  log "node $("$NODE24" --version) present"
fi
NODE24_VERSION="$("$NODE24" --version)"
NODE24_BIN="$(dirname "$(readlink -f "$NODE24")")"

# 3. code-server, with its postinstall run by hand (npm under Node 24 skips install scripts).
CS_DIR="$TOOLS/code-server/node_modules/code-server"
CS_MARK="$TOOLS/code-server/.postinstall-$CODE_SERVER_VERSION-$NODE24_VERSION.done"
if [ ! -f "$CS_MARK" ]; then
  log "installing code-server@$CODE_SERVER_VERSION"
  mkdir -p "$TOOLS/code-server"
  (cd "$TOOLS/code-server" && [ -f package.json ] || echo '{"private":true}' > package.json)
  PATH="$NODE24_BIN:$PATH" npm install --prefix "$TOOLS/code-server" --no-audit --no-fund --loglevel=error \
    --ignore-scripts "code-server@$CODE_SERVER_VERSION" >/dev/null
  log "running code-server postinstall"
  (cd "$CS_DIR" && PATH="$NODE24_BIN:$PATH" \
    npm_config_user_agent="npm/11 node/$NODE24_VERSION linux x64" sh ./postinstall.sh > "$TOOLS/code-server/postinstall.log" 2>&1) \
    || { log "postinstall failed, see $TOOLS/code-server/postinstall.log"; tail -20 "$TOOLS/code-server/postinstall.log"; exit 1; }
  touch "$CS_MARK"
else
  log "code-server $CODE_SERVER_VERSION present"
fi

# 4. Write the tool locations for the runner.
cat > "$E2E/tools.json" <<JSON
{
  "node24": "$NODE24",
  "codeServerEntry": "$CS_DIR/out/node/entry.js",
  "chromium": "$(command -v chromium || echo /usr/bin/chromium)",
  "nvim": "$(command -v nvim || echo /usr/bin/nvim)"
}
JSON
log "done in $(( $(date +%s) - start ))s"
