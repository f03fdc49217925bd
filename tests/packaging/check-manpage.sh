#!/usr/bin/env bash
# Every option --help lists is documented in the man page, and the man page documents no option
# that --help does not know.   check-manpage.sh WSMSGBROKER MANPAGE
set -euo pipefail
binary=$1
manpage=$2
help_options=$(LANG=C.UTF-8 "$binary" --lang en --help | grep -oE -- '--[a-z][a-z-]*' | grep -v -- '--help-all' | sort -u)
man_options=$(grep -oE '^\\fB(\\-)+[a-z]([a-z]|\\-)*' "$manpage" | sed 's/^\\fB//; s/\\-/-/g' | sort -u)
missing=$(comm -23 <(echo "$help_options") <(echo "$man_options"))
extra=$(comm -13 <(echo "$help_options") <(echo "$man_options"))
status=0
[ -z "$missing" ] || { echo "in --help but not in the man page: $missing"; status=1; }
[ -z "$extra" ] || { echo "in the man page but not in --help: $extra"; status=1; }
[ $status -ne 0 ] || echo "man page documents all $(echo "$help_options" | wc -l) options of --help"
exit $status
