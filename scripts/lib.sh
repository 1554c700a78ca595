# Shared by the build, serve and test scripts: install what is missing, pinned, from the package
# registries only. Safe to run again: each step checks first and does nothing when all is there.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Every heading says how long the run has taken so far, so a CI log shows where the time went.
export YTTRA_STARTED="${YTTRA_STARTED:-$(date +%s)}"
say() { printf '\n==> [%ss] %s\n' "$(( $(date +%s) - YTTRA_STARTED ))" "$*"; }

# Runs a command as root: directly when we are root (CI), else through sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# apt_install PACKAGE...: installs the Debian packages that are not installed yet.
apt_install() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "Installing ${missing[*]} (Debian packages)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    "${missing[@]}" >/dev/null
}

# Debian's Chromium for the browser tests and benchmark. Fonts are listed because a fresh machine
# has none (Liberation Sans stands in for Arial with the same metrics).
ensure_browser() {
  apt_install chromium chromium-driver fonts-liberation fonts-dejavu-core
}

ensure_wasm_target() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown && return 0
  say "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
}

# The wasm-bindgen CLI must match the wasm-bindgen crate in Cargo.lock exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_wasm_bindgen() {
  local wanted; wanted="$(wasm_bindgen_version)"
  if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $wanted" ]; then return 0; fi
  say "Installing wasm-bindgen-cli $wanted from crates.io (about 2-3 minutes)"
  # Not --locked: the CLI's own lock file pins a webpki-roots version that is not in the
  # registry here; the version of the CLI itself is pinned exactly.
  cargo install wasm-bindgen-cli --version "=$wanted"
}

# wasm-opt (binaryen), Playwright's driver and axe-core come from the npm registry, pinned in
# package-lock.json. playwright-core never downloads a browser; the tests use Debian's Chromium.
ensure_node_tools() {
  if [ -x node_modules/.bin/wasm-opt ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
    return 0
  fi
  say "Installing the pinned npm tools (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
}

# Python consumers of the generated documents, pinned in tests/requirements.txt, in .venv.
ensure_python_tools() {
  local stamp=.venv/.requirements
  if [ -x .venv/bin/python ] && cmp -s tests/requirements.txt "$stamp"; then return 0; fi
  say "Installing the pinned Python test tools into .venv"
  python3 -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check -r tests/requirements.txt
  cp tests/requirements.txt "$stamp"
}
