#!/bin/sh
# Checks that translations/wsmsgbroker_*.ts are complete: runs lupdate over the sources into
# temporary copies of the .ts files (the committed files are not touched) and fails, naming
# each string, when
#   - a string of the code is missing from a .ts file (run the update_translations target),
#   - an entry is unfinished or empty (also every plural form),
#   - a translation lost or gained a placeholder (%1, %n), an HTML tag or its & accelerator.
# Entries whose string left the code are only reported (update_translations drops them).
#
# Usage: scripts/check-translations.sh [SOURCE_DIR]   (default: the repository of this script)
# Environment: LUPDATE, the lupdate binary (default: Qt's, found with qtpaths6 or in PATH).
# Needs python3.
set -eu

source_dir=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$source_dir"

lupdate=${LUPDATE:-}
if [ -z "$lupdate" ]; then
    bins=$(qtpaths6 --query QT_HOST_BINS 2>/dev/null || true)
    for candidate in "$bins/lupdate" /usr/lib/qt6/bin/lupdate; do
        if [ -x "$candidate" ]; then
            lupdate=$candidate
            break
        fi
    done
fi
if [ -z "$lupdate" ]; then
    lupdate=$(command -v lupdate6 || command -v lupdate || true)
fi
if [ -z "$lupdate" ] || [ ! -x "$lupdate" ]; then
    echo "check-translations: lupdate not found (set LUPDATE)" >&2
    exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

set -- translations/wsmsgbroker_*.ts
if [ ! -e "$1" ]; then
    echo "check-translations: no translations/wsmsgbroker_*.ts in $source_dir" >&2
    exit 2
fi
cp "$@" "$work/"

# The same sources as the update_translations target (translations/CMakeLists.txt).
find app broker ui -name '*.cpp' -o -name '*.h' | sort >"$work/sources.lst"
# Without -no-obsolete, so that strings gone from the code can be reported.
if ! "$lupdate" -silent -locations none -source-language en "@$work/sources.lst" \
    -ts "$work"/wsmsgbroker_*.ts >"$work/lupdate.log" 2>&1; then
    cat "$work/lupdate.log" >&2
    echo "check-translations: lupdate failed" >&2
    exit 2
fi

python3 - "$work" translations <<'PY'
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

updated_dir, committed_dir = sys.argv[1], sys.argv[2]
PLACEHOLDER = re.compile(r"%(?:n|L?\d{1,2})")
TAG = re.compile(r"</?[A-Za-z][^>]*>")
ACCELERATOR = re.compile(r"&(?!&)(?=\S)")


def entries(path):
    """(context, source, comment) -> message element."""
    result = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.findall("message"):
            key = (name, message.findtext("source"), message.findtext("comment") or "")
            result[key] = message
    return result


def accelerators(text):
    return len(ACCELERATOR.findall(text.replace("&&", "")))


errors = 0
for updated in sorted(glob.glob(os.path.join(updated_dir, "wsmsgbroker_*.ts"))):
    file_name = os.path.basename(updated)
    committed = entries(os.path.join(committed_dir, file_name))
    stale = 0

    def fail(key, why):
        global errors
        errors += 1
        context, source, comment = key
        note = f" ({comment})" if comment else ""
        print(f"{file_name}: {context}: {source!r}{note}: {why}")

    for key, message in entries(updated).items():
        translation = message.find("translation")
        kind = translation.get("type")
        if kind in ("vanished", "obsolete"):
            stale += 1
            continue
        if key not in committed:
            fail(key, "missing (build the update_translations target, then translate it)")
            continue
        if kind == "unfinished":
            fail(key, "unfinished")
            continue
        source = key[1]
        if message.get("numerus") == "yes":
            forms = [f.text or "" for f in translation.findall("numerusform")]
        else:
            forms = [translation.text or ""]
        for form in forms:
            if not form.strip():
                fail(key, "empty translation" + (" (a plural form)" if len(forms) > 1 else ""))
            elif sorted(set(PLACEHOLDER.findall(form))) != sorted(set(PLACEHOLDER.findall(source))):
                fail(key, f"placeholders differ in {form!r}")
            elif sorted(TAG.findall(form)) != sorted(TAG.findall(source)):
                fail(key, f"HTML tags differ in {form!r}")
            elif accelerators(form) != accelerators(source):
                fail(key, f"& accelerator lost or added in {form!r}")
    if stale:
        print(f"{file_name}: note: {stale} entries are no longer in the code "
              "(the update_translations target drops them)")

if errors:
    print(f"check-translations: {errors} problem(s); the strings are listed above")
    sys.exit(1)
print("check-translations: all strings translated")
PY
