#!/bin/sh
# Install the CJK font samples/generate.py embeds in the sample PDFs: WenQuanYi Micro Hei
# (Debian/Ubuntu package fonts-wqy-microhei, file /usr/share/fonts/truetype/wqy/wqy-microhei.ttc).
# Only regenerating the PDFs needs it; `generate.py --goldens-only` and the tests do not.
# Runs apt-get as root (CI) or through sudo; refreshes the package index only if the first try fails.
set -eu
FONT=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc
if [ -f "$FONT" ]; then
    echo "install-fonts.sh: $FONT is already installed"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-fonts.sh: no apt-get here; install WenQuanYi Micro Hei (wqy-microhei.ttc) with your package" >&2
    echo "manager and set BUDGET_SAMPLES_FONT=/path/to/wqy-microhei.ttc if it is not in a standard font folder" >&2
    exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
fi
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get install -y --no-install-recommends fonts-wqy-microhei; then
    $SUDO apt-get update
    $SUDO apt-get install -y --no-install-recommends fonts-wqy-microhei
fi
test -f "$FONT"
echo "install-fonts.sh: installed $FONT"
