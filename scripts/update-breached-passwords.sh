#!/usr/bin/env bash
# Refreshes portal/src/main/resources/accounts/breached-passwords.txt from the npm package
# @zxcvbn-ts/language-common (MIT), keeping entries of 8+ characters in frequency order.
# Usage: scripts/update-breached-passwords.sh [version]
set -euo pipefail
version="${1:-latest}"
root="$(cd "$(dirname "$0")/.." && pwd)"
target="$root/portal/src/main/resources/accounts"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@zxcvbn-ts/language-common@$version" >/dev/null && tar xzf ./*.tgz)
resolved="$(node -p "require('$work/package/package.json').version")"
cp "$work/package/LICENSE.txt" "$target/breached-passwords.LICENSE"
node - "$work/package/src/passwords.json" "$resolved" > "$target/breached-passwords.txt" <<'JS'
const [file, version] = process.argv.slice(2);
const seen = new Set();
const lines = [
  '# Passwords seen most often in public breach corpora, in order of frequency, 8 characters or longer',
  '# (shorter ones fail the length rule anyway). Source: the npm package @zxcvbn-ts/language-common ' + version + ',',
  '# file src/passwords.json (derived from the xato.net 10-million-password corpus); MIT licence, see',
  '# breached-passwords.LICENSE. Refresh with scripts/update-breached-passwords.sh.',
];
for (const raw of require(file)) {
  const entry = raw.trim().toLowerCase();
  if ([...entry].length >= 8 && !seen.has(entry)) {
    seen.add(entry);
    lines.push(entry);
  }
}
process.stdout.write(lines.join('\n') + '\n');
JS
echo "breached-passwords.txt: $(grep -vc '^#' "$target/breached-passwords.txt") entries from version $resolved"
