#!/usr/bin/env bash
# Installs the third-party editors that test/editors/ drives against the language server:
# Neovim (built-in LSP client) and Emacs with eglot, from Debian/Ubuntu packages. Idempotent:
# apt runs only when a package is missing. Needs root or passwordless sudo when it installs.
set -euo pipefail

packages=(neovim emacs-nox elpa-eglot)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} > 0)); then
  if ! command -v apt-get >/dev/null; then
    echo "install-editors: apt-get not found; install ${missing[*]} with your package manager" >&2
    exit 1
  fi
  sudo=()
  if ((EUID != 0)); then sudo=(sudo -n); fi
  echo "install-editors: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

nvim --version | head -n 1
emacs --version | head -n 1
echo "eglot $(dpkg-query -W -f='${Version}' elpa-eglot)"
