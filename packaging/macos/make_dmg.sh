#!/usr/bin/env bash
# Put Omroeper.app in a compressed disk image beside a link to /Applications, so installing is
# dragging one icon onto the other. macOS only (hdiutil).
#
#   packaging/macos/make_dmg.sh dist/Omroeper.app dist/Omroeper-0.1.0-macos-arm64.dmg
set -euo pipefail

if [ "$#" -ne 2 ]; then
    echo "usage: $0 APP DMG" >&2
    exit 2
fi
app=$1
dmg=$2
[ -d "$app" ] || { echo "$0: no app bundle at $app" >&2; exit 2; }

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
# ditto keeps the bundle's symlinks, extended attributes and code signature intact
ditto "$app" "$stage/$(basename "$app")"
ln -s /Applications "$stage/Applications"

rm -f "$dmg"
hdiutil create -volname "Omroeper" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$dmg"
hdiutil verify "$dmg"
echo "$dmg"
