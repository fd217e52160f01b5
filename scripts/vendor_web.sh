#!/usr/bin/env bash
# Re-fetch the web app's vendored front-end files from the npm registry (never at run time:
# the files are committed under src/sitrep/web/static/vendor and served from the package).
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/sitrep/web/static/vendor
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for spec in leaflet@1.9.4 leaflet.markercluster@1.5.3 topojson-client@3.1.0 world-atlas@2.0.2; do
  (cd "$tmp" && npm pack -q "$spec" >/dev/null && mkdir -p "${spec%@*}" && tar xzf ./*.tgz -C "${spec%@*}" && rm ./*.tgz)
done
mkdir -p "$out/licenses"
cp "$tmp/leaflet/package/dist/leaflet.js" "$tmp/leaflet/package/dist/leaflet.css" "$out/"
cp "$tmp/leaflet.markercluster/package/dist/leaflet.markercluster.js" \
   "$tmp/leaflet.markercluster/package/dist/MarkerCluster.css" "$out/"
cp "$tmp/topojson-client/package/dist/topojson-client.min.js" "$out/"
cp "$tmp/world-atlas/package/countries-50m.json" "$out/"
cp "$tmp/leaflet/package/LICENSE" "$out/licenses/leaflet.txt"
cp "$tmp/leaflet.markercluster/package/MIT-LICENCE.txt" "$out/licenses/leaflet.markercluster.txt"
cp "$tmp/topojson-client/package/LICENSE" "$out/licenses/topojson-client.txt"
cp "$tmp/world-atlas/package/LICENSE" "$out/licenses/world-atlas.txt"
chmod 644 "$out"/*.* "$out"/licenses/*
echo "vendored into $out"
