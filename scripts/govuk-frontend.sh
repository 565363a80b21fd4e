#!/usr/bin/env bash
# govuk-frontend's built files, served by the binary itself (no CDN), are committed under
# crates/web/assets/govuk-frontend/ so that `cargo build` needs no Node.js. This script copies
# them from node_modules (after `npm ci`, which installs the version package.json pins):
#
#   scripts/govuk-frontend.sh           # refresh the committed copy
#   scripts/govuk-frontend.sh --check   # fail if the committed copy differs from the npm package
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
src=node_modules/govuk-frontend
dest=crates/web/assets/govuk-frontend
[ -d "$src/dist/govuk" ] || { echo "no $src: run npm ci first" >&2; exit 2; }
version="$(node -p "require('./$src/package.json').version")"
pinned="$(node -p "require('./package.json').devDependencies['govuk-frontend']")"
[ "$version" = "$pinned" ] || { echo "node_modules has govuk-frontend $version, package.json pins $pinned: run npm ci" >&2; exit 2; }

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
cp "$src/dist/govuk/govuk-frontend.min.css" "$src/dist/govuk/govuk-frontend.min.js" "$stage/"
cp -r "$src/dist/govuk/assets" "$stage/assets"
rm -f "$stage/assets/manifest.json"
# The GDS Transport font is for services on GOV.UK only; Harbour is not one, so the font files are
# not copied and the binary serves the stylesheet without its @font-face rules (Arial instead).
rm -rf "$stage/assets/fonts"
echo "$version" > "$stage/VERSION"
{
  echo "govuk-frontend $version, from the npm registry (https://www.npmjs.com/package/govuk-frontend)."
  echo "Copied by scripts/govuk-frontend.sh from node_modules/govuk-frontend/dist/govuk/."
  echo
  echo "Its package.json gives its licence as \"$(node -p "require('./$src/package.json').license")\"; its README says:"
  echo
  sed -n '/^## Licence/,/^## /p' "$src/README.md" | sed '$d'
  echo "The GDS Transport font files (assets/fonts/ in the package) are not copied: the font is for"
  echo "services on GOV.UK only (https://frontend.design-system.service.gov.uk/choose-an-alternative-typeface/)."
  echo "The binary serves govuk-frontend.min.css without its @font-face rules, so text is set in Arial."
} > "$stage/LICENSE.txt"

if [ "${1:-}" = "--check" ]; then
  if diff -r "$stage" "$dest" >/dev/null; then
    echo "crates/web/assets/govuk-frontend is govuk-frontend $version as published"
  else
    diff -r "$stage" "$dest" | head -20 >&2
    echo "crates/web/assets/govuk-frontend differs from govuk-frontend $version in node_modules: run scripts/govuk-frontend.sh" >&2
    exit 1
  fi
else
  rm -rf "$dest"
  mkdir -p "$(dirname "$dest")"
  cp -r "$stage" "$dest"
  echo "copied govuk-frontend $version to $dest"
fi
