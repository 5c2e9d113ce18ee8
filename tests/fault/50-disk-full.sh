# Disk full: the database lives on a 2 MB tmpfs that a filler file then
# fills. A member's new thread fails with a sentence and the editor keeps
# the text; posts through the data layer fail and retry; every session and
# the listener stay up. Once there is room again the member sends the same
# text, every acknowledged post is there and `db check` is ok.
# Needs root to mount the tmpfs; says so and passes without it.
. "$(dirname "$0")/lib.sh"
if [ "$(id -u)" != 0 ]; then
  echo "SKIP: disk full needs root to mount a small tmpfs"; exit 0
fi
SMALL="$T/small"
mkdir -p "$SMALL"
mount -t tmpfs -o size=2m tmpfs "$SMALL" || { echo "SKIP: cannot mount a tmpfs here"; exit 0; }
disk_cleanup() {
  $TM kill-server 2>/dev/null
  [ -n "$SRV" ] && kill -KILL "$SRV" 2>/dev/null
  pkill -KILL -f -- "$DB" 2>/dev/null
  for _ in $(seq 50); do umount "$SMALL" 2>/dev/null && break; sleep 0.1; done
  e2e_cleanup
}
trap disk_cleanup EXIT
DB="$SMALL/test.db"
fault_writer_member erin
fault_logged_in dave
e2e_keys a c; e2e_see a 'All communities'
e2e_choose a '^ *[+]? +Philadelphia +region ' Enter
e2e_see a 'Philadelphia +\(regional network'
e2e_keys a n; e2e_see a 'Title:'
e2e_type a 'Written on a full disk'; e2e_keys a Enter
e2e_see a 'Editing: New thread: Written on a full disk'
e2e_type a 'Will this text survive?'

"$WRITER" reply "$DB" "$WRITER_ID" "$FIRST_POST" 20 >"$T/acked.before" || fail "cannot post before the disk is full"
dd if=/dev/zero of="$SMALL/filler" bs=16k 2>/dev/null
timeout 5 "$WRITER" reply "$DB" "$WRITER_ID" "$FIRST_POST" 100 >"$T/acked.full"
grep -q '^fail ' "$T/acked.full" || fail "posts still succeed on a full disk"
echo "on a full disk: $(grep -c '^ok ' "$T/acked.full") acknowledged, $(grep -c '^fail ' "$T/acked.full") failed"

e2e_keys a C-x
e2e_see a 'Your post could not be saved just now; your text is kept'
e2e_see a 'Editing: New thread: Written on a full disk'
e2e_see a 'Will this text survive\?'
kill -0 "$SRV" || fail "the listener died on a full disk"

rm -f "$SMALL/filler"
e2e_keys a C-x
e2e_see a 'Your thread is started' 15
e2e_see a 'Will this text survive\?'
"$WRITER" reply "$DB" "$WRITER_ID" "$FIRST_POST" 5 >"$T/acked.after" || fail "cannot post once there is room"
e2e_sql_is "select count(*) from posts where body = 'Will this text survive?'" 1 ||
  fail "the member's post is not stored exactly once"
for f in before full after; do sed -n 's/^ok //p' "$T/acked.$f"; done >"$T/acked.all"
n=$(wc -l <"$T/acked.all")
missing=0
while read -r p; do e2e_sql_is "select count(*) from posts where id = $p" 1 || missing=$((missing + 1)); done <"$T/acked.all"
[ "$missing" = 0 ] || fail "$missing of $n acknowledged posts are missing"
fault_db_check
echo "0 of $n acknowledged posts lost; db check ok"
exit 0
