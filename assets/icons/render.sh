#!/usr/bin/env sh
# Renders the PNG icons from the SVG sources (needs rsvg-convert, Debian
# package librsvg2-bin). The 16 px icon has its own source, drawn on whole
# pixels; every other size is the scalable icon.
set -eu
cd "$(dirname "$0")"
for size in 24 32 48 64 128 256; do
  mkdir -p "hicolor/${size}x${size}/apps"
  rsvg-convert -w "$size" -h "$size" hicolor/scalable/apps/xhim-aid.svg -o "hicolor/${size}x${size}/apps/xhim-aid.png"
done
mkdir -p hicolor/16x16/apps
rsvg-convert -w 16 -h 16 xhim-aid-16.svg -o hicolor/16x16/apps/xhim-aid.png
