#!/usr/bin/env bash
# Re-vendor the dashboard's browser libraries into dateline/server/static/vendor/ from the npm registry.
# The dashboard loads nothing from another host: Leaflet (map), topojson-client (TopoJSON -> GeoJSON) and
# world-atlas (Natural Earth 1:50m country boundaries, public domain data, ISC-licensed packaging) are
# served from the package itself. Each library keeps its licence beside it (as LICENSE.txt: the
# package data installs .txt, .js, .css and .json files).
# Usage: scripts/vendor_js.sh [SCRATCH_DIR]   (versions: the pins below; npm must be installed)
set -euo pipefail
cd "$(dirname "$0")/.."

LEAFLET=1.9.4
TOPOJSON_CLIENT=3.1.0
WORLD_ATLAS=2.0.2

scratch="${1:-$(mktemp -d)}"
vendor=dateline/server/static/vendor
(cd "$scratch" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent \
    "leaflet@$LEAFLET" "topojson-client@$TOPOJSON_CLIENT" "world-atlas@$WORLD_ATLAS")
modules="$scratch/node_modules"

rm -rf "$vendor"
mkdir -p "$vendor/leaflet" "$vendor/topojson-client" "$vendor/world-atlas"
cp "$modules/leaflet/dist/leaflet.js" "$modules/leaflet/dist/leaflet.css" "$vendor/leaflet/"
cp "$modules/leaflet/LICENSE" "$vendor/leaflet/LICENSE.txt"
cp "$modules/topojson-client/dist/topojson-client.min.js" "$vendor/topojson-client/"
cp "$modules/topojson-client/LICENSE" "$vendor/topojson-client/LICENSE.txt"
cp "$modules/world-atlas/countries-50m.json" "$vendor/world-atlas/"
cp "$modules/world-atlas/LICENSE" "$vendor/world-atlas/LICENSE.txt"

cat > "$vendor/README.txt" <<TXT
Browser libraries of the dashboard, vendored from npm by scripts/vendor_js.sh (do not edit by hand).
leaflet $LEAFLET (BSD-2-Clause, leaflet/LICENSE.txt): dist/leaflet.js, dist/leaflet.css
topojson-client $TOPOJSON_CLIENT (ISC, topojson-client/LICENSE.txt): dist/topojson-client.min.js
world-atlas $WORLD_ATLAS (ISC, world-atlas/LICENSE.txt): countries-50m.json, Natural Earth 1:50m
  Admin 0 country boundaries (Natural Earth data is in the public domain) as TopoJSON
Leaflet's marker images are not vendored: the dashboard draws its markers as vector circles.
TXT
echo "vendored into $vendor from $scratch" >&2
