#!/usr/bin/env bash
# Installs what the PDF export needs when it is missing: LibreOffice Writer (headless DOCX → PDF),
# poppler-utils (pdftoppm, pdftotext for the PDF tests) and the Liberation fonts, metric-compatible
# with Times New Roman. fonts-liberation2 is the one with Vietnamese letters (ế, ở, ữ …); the older
# fonts-liberation 1.07 lacks them and LibreOffice would fill them in from another font.
set -euo pipefail
have_font() { fc-list 2>/dev/null | grep -q "liberation2/LiberationSerif-Regular"; }
if command -v soffice >/dev/null && command -v pdftoppm >/dev/null && have_font; then exit 0; fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
echo "Installing LibreOffice Writer, poppler-utils and Liberation fonts for the PDF export…"
$SUDO apt-get update -qq
writer=libreoffice-writer-nogui
if ! apt-cache show "$writer" >/dev/null 2>&1; then writer=libreoffice-writer; fi
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
  "$writer" poppler-utils fonts-liberation fonts-liberation2 >/dev/null
