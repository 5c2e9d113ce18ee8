# make install into a DESTDIR (PREFIX=/usr): every file where the Debian
# layout wants it, a config file with every key commented, a unit that
# systemd-analyze verifies (and whose exposure score it prints); the
# installed binary defaults to /etc/mentorbbs and /var/lib/mentorbbs and
# serves a member when started with the installed config (its state
# pointed into the DESTDIR); make uninstall removes what it installed and
# keeps what the sysop changed.
. "$(dirname "$0")/lib.sh"
R="$T/root"
make -s -C "$E2E_ROOT" -j2 install PREFIX=/usr DESTDIR="$R" >"$T/install.log" 2>&1 ||
  fail "make install: $(tail -5 "$T/install.log")"
for f in usr/bin/mentorbbs usr/share/man/man8/mentorbbs.8 etc/mentorbbs/mentorbbs.conf \
    etc/mentorbbs/screens/welcome.txt usr/lib/systemd/system/mentorbbs.service \
    usr/lib/systemd/system/mentorbbs-backup.service usr/lib/systemd/system/mentorbbs-backup.timer \
    usr/lib/systemd/system/mentorbbs-mail.service usr/lib/systemd/system/mentorbbs-mail.timer \
    usr/lib/sysusers.d/mentorbbs.conf usr/lib/tmpfiles.d/mentorbbs.conf; do
  [ -f "$R/$f" ] || fail "not installed: $f"
done
[ -e "$R/usr/share/mentorbbs" ] && fail "compiled-in SQL and screens installed again"
grep -Eq '^[a-z_]+ *=' "$R/etc/mentorbbs/mentorbbs.conf" && fail "an uncommented key in the config"
grep -q '^# port = 2222' "$R/etc/mentorbbs/mentorbbs.conf" || fail "keys not listed commented"
# The installed defaults.
"$R/usr/bin/mentorbbs" config check --config "$R/etc/mentorbbs/mentorbbs.conf" >"$T/cfg" ||
  fail "config check of the installed file"
grep -qx 'server.db = /var/lib/mentorbbs/mentorbbs.db' "$T/cfg" || fail "installed db default: $(grep db "$T/cfg")"
grep -qx 'server.screens = /etc/mentorbbs/screens' "$T/cfg" || fail "installed screens default"
# The unit, with its paths pointed into the DESTDIR so the checks find them.
sed -e "s|/usr/bin/|$R/usr/bin/|" -e "s|/etc/mentorbbs|$R/etc/mentorbbs|" \
  "$R/usr/lib/systemd/system/mentorbbs.service" >"$T/mentorbbs.service"
if command -v systemd-analyze >/dev/null; then
  MANPATH="$R/usr/share/man" systemd-analyze verify "$T/mentorbbs.service" >"$T/verify" 2>&1 ||
    fail "systemd-analyze verify: $(cat "$T/verify")"
  score=$(systemd-analyze security --offline=yes "$T/mentorbbs.service" 2>/dev/null |
    sed -n 's/.*Overall exposure level for .*: \([0-9.]*\) .*/\1/p')
  echo "    unit exposure score: ${score:-?}"
fi
# The installed binary, as the service user would run it, outside systemd.
mkdir -p "$R/var/lib/mentorbbs/keys"
printf 'sue password 1\n' | "$R/usr/bin/mentorbbs" user add sue --name "Sue Student" \
  --role student --password-stdin --db "$R/var/lib/mentorbbs/mentorbbs.db" >/dev/null ||
  fail "user add with the installed binary"
[ -z "$E2E_USER" ] || chown -R "$E2E_USER:" "$R/var/lib/mentorbbs"
BIN="$R/usr/bin/mentorbbs"
DB="$R/var/lib/mentorbbs/mentorbbs.db"
e2e_start --config "$R/etc/mentorbbs/mentorbbs.conf" --screens "$R/etc/mentorbbs/screens"
e2e_accept_rules
e2e_login s sue 'sue password 1'
e2e_see s 'Sue Student'
e2e_stop_listener
# Uninstall: what was shipped goes, what the sysop edited stays.
echo "Edited by the sysop." >>"$R/etc/mentorbbs/screens/welcome.txt"
make -s -C "$E2E_ROOT" uninstall PREFIX=/usr DESTDIR="$R" >"$T/uninstall.log" 2>&1 ||
  fail "make uninstall: $(tail -3 "$T/uninstall.log")"
for f in usr/bin/mentorbbs usr/lib/systemd/system/mentorbbs.service etc/mentorbbs/mentorbbs.conf \
    etc/mentorbbs/screens/goodbye.txt usr/lib/sysusers.d/mentorbbs.conf; do
  [ -e "$R/$f" ] && fail "left after uninstall: $f"
done
[ -f "$R/etc/mentorbbs/screens/welcome.txt" ] || fail "the sysop's edited screen was removed"
[ -f "$R/var/lib/mentorbbs/mentorbbs.db" ] || fail "the database was removed"
exit 0
