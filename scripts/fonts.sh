#!/usr/bin/env bash
# Regenerates the web fonts shipped in crates/nousharik/static/fonts/ from Debian's Noto TTFs
# (SIL Open Font License 1.1, see static/fonts/OFL.txt), subsetted per script to stay small.
# Needs: apt-get install -y fonts-noto-core fonts-noto-extra; pip install fonttools brotli
set -euo pipefail
cd "$(dirname "$0")/.."
src=/usr/share/fonts/truetype/noto
out=crates/nousharik/static/fonts
mkdir -p "$out"
opts=(--flavor=woff2 --layout-features='*' --no-hinting --desubroutinize --name-IDs='*' --notdef-outline)

# Arabic: the Arabic blocks used by Arabic and Moroccan Arabic text, presentation forms,
# the bidi controls, Arabic punctuation, Latin digits and basic punctuation.
pyftsubset "$src/NotoNaskhArabic-Regular.ttf" "${opts[@]}" \
  --unicodes='U+0020-0040,U+005B-0060,U+007B-007E,U+00A0,U+00AB,U+00BB,U+0600-06FF,U+0750-077F,U+08A0-08FF,U+FB50-FDFF,U+FE70-FEFF,U+200C-200F,U+2068-2069,U+2010-2027' \
  --output-file="$out/NotoNaskhArabic.woff2"

# Tifinagh (IRCAM and extended Tifinagh) plus the space and basic punctuation.
pyftsubset "$src/NotoSansTifinagh-Regular.ttf" "${opts[@]}" \
  --unicodes='U+0020-002F,U+003A-003F,U+00A0,U+2D30-2D7F' \
  --output-file="$out/NotoSansTifinagh.woff2"

# Latin for French and English: Basic Latin, Latin-1, Latin Extended-A, punctuation, arrows, euro.
pyftsubset "$src/NotoSans-Regular.ttf" "${opts[@]}" \
  --unicodes='U+0000-024F,U+2000-206F,U+20AC,U+2122,U+2190-21FF' \
  --output-file="$out/NotoSans.woff2"

ls -l "$out"
