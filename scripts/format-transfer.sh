#!/usr/bin/env bash
# Format transfer: scores `lienthong import` on the corpus's web copies (../shared/corpus 10–35)
# rebuilt in the other forms users bring, against the same gold, per part of
# scripts/corpus-split.txt:
#   docx      the document rebuilt (scripts/webcopy-to-html.py), saved as DOCX by LibreOffice
#   pdf       that DOCX printed to PDF by LibreOffice
#   word-txt  that DOCX saved as text by LibreOffice (one paragraph per line, cells one per line)
#   pdf-txt   the text pdftotext takes from the PDF (what a copy from a PDF viewer gives)
#   scan      the PDF's first page at 200 dpi, skewed, blurred, speckled, a red reception stamp
#             over the header, JPEG (scripts/scan-simulator.py's spoiling): header fields only
#   scan-variants  with --scan-variants N: that page spoiled N more ways each (skew, stamp kind and
#             place, blur, speckle, JPEG), header fields only — what one spoiling cannot show
# It reports; it never fails: the exit status is 0 unless a tool it needs is missing (then 0 too,
# with a line saying what was skipped). See docs/import-acceptance.md.
#
#   scripts/format-transfer.sh BUILD_DIR [--quiet] [--keep DIR] [--scan-variants N]
set -u
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
shift || true
quiet=""
keep=""
variants=0
while [ $# -gt 0 ]; do
  case "$1" in
    --quiet) quiet=1 ;;
    --keep) keep="$2"; shift ;;
    --scan-variants) variants="$2"; shift ;;
  esac
  shift
done
case "$build" in /*) ;; *) build="$PWD/$build" ;; esac
corpus="$root/../shared/corpus"
scorer="$root/../shared/tools/score_import.py"
split="$root/scripts/corpus-split.txt"
for tool in soffice pdftotext pdftoppm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "format-transfer: $tool not found, skipped"
    exit 0
  fi
done
if [ ! -d "$corpus" ] || [ ! -f "$scorer" ] || [ ! -x "$build/lienthong" ]; then
  echo "format-transfer: corpus, scorer or $build/lienthong missing, skipped"
  exit 0
fi
if [ -n "$keep" ]; then work="$keep"; mkdir -p "$work"; else work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT; fi
mkdir -p "$work/html" "$work/docx" "$work/pdf" "$work/word-txt" "$work/pdf-txt" "$work/scan" "$work/out"
forms="docx pdf word-txt pdf-txt scan"
if [ "$variants" -gt 0 ]; then mkdir -p "$work/scan-variants"; forms="$forms scan-variants"; fi

# The web copies: the files whose header is a table of `|` cells.
sources=()
for src in "$corpus"/*.txt; do
  head -n 1 "$src" | grep -qx '|' && sources+=("$src")
done
for src in "${sources[@]}"; do
  name="$(basename "$src" .txt)"
  python3 "$root/scripts/webcopy-to-html.py" "$src" >"$work/html/$name.html"
done
# LibreOffice once per step for all files: a profile of its own so a running office does not take
# the job. HTML is opened as a Writer document (not Writer/Web), as a DOCX would be.
profile="file://$work/lo-profile"
soffice -env:UserInstallation="$profile" --headless --infilter="HTML (StarWriter)" \
  --convert-to "docx:MS Word 2007 XML" --outdir "$work/docx" "$work"/html/*.html >"$work/soffice.log" 2>&1
soffice -env:UserInstallation="$profile" --headless --convert-to pdf --outdir "$work/pdf" \
  "$work"/docx/*.docx >>"$work/soffice.log" 2>&1
soffice -env:UserInstallation="$profile" --headless --convert-to "txt:Text (encoded):UTF8" \
  --outdir "$work/word-txt" "$work"/docx/*.docx >>"$work/soffice.log" 2>&1
for pdf in "$work"/pdf/*.pdf; do
  name="$(basename "$pdf" .pdf)"
  pdftotext "$pdf" "$work/pdf-txt/$name.txt"
  pdftoppm -r 200 -f 1 -l 1 -png "$pdf" "$work/scan/$name.page"
done
if [ "$variants" -gt 0 ]; then
  cp "$work"/scan/*.png "$work/scan-variants/"
  /usr/bin/python3 "$root/scripts/scan-simulator.py" --spoil-pages "$work/scan-variants" \
    --variants "$variants" >>"$work/spoil.log" 2>&1 ||
    echo "format-transfer: spoiling the scan variants failed: $(tail -n 1 "$work/spoil.log")"
  rm -f "$work"/scan-variants/*.png
fi
/usr/bin/python3 "$root/scripts/scan-simulator.py" --spoil-pages "$work/scan" >"$work/spoil.log" 2>&1 ||
  echo "format-transfer: spoiling the scans failed: $(tail -n 1 "$work/spoil.log")"
rm -f "$work"/scan/*.png

for form in $forms; do
  for f in "$work/$form"/*; do
    case "$f" in *.gold.json) continue ;; esac
    name="$(basename "$f")"
    name="${name%%.*}"
    cp "$corpus/${name%%~*}.gold.json" "$work/$form/$name.gold.json"
    timeout 120 "$build/lienthong" import --format json "$f" >"$work/out/$form-$(basename "$f").json" \
      2>"$work/out/$form-$(basename "$f").err" || true
  done
done

while read -r part numbers; do
  case "$part" in '' | '#'*) continue ;; esac
  for form in $forms; do
    dir="$work/parts/$part-$form"
    mkdir -p "$dir"
    for n in $numbers; do
      for f in "$work/$form/$n"_*; do [ -e "$f" ] && ln -sf "$f" "$dir/"; done
    done
    ls "$dir"/*.gold.json >/dev/null 2>&1 || continue
    fields=()
    case "$form" in scan*) fields=(--fields number,date,place,issuer,title) ;; esac
    python3 "$scorer" --dir "$dir" --cmd "cat $work/out/$form-\$(basename {}).json" --verbose "${fields[@]}" \
      >"$work/score-$part-$form.txt" 2>&1
    [ -z "$quiet" ] && { echo "== format-transfer: $part, $form"; cat "$work/score-$part-$form.txt"; }
    echo "format-transfer: $part $form: $(tail -n 1 "$work/score-$part-$form.txt")"
    echo "format-transfer: $part $form $(grep '^per field:' "$work/score-$part-$form.txt")"
  done
done <"$split"
exit 0
