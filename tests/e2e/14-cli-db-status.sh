# `db status` (schema, size, WAL, integrity; exit 1 when a check fails)
# and `db vacuum` (free pages given back) while a server has it open.
. "$(dirname "$0")/lib.sh"
e2e_user ann "Ann Appleton" alumni 'ann password'
e2e_start
"$BIN" db status --db "$DB" >"$T/out" 2>"$T/err" || fail "db status: $(cat "$T/err")"
grep -Eq '^schema version: [0-9]+$' "$T/out" || fail "no schema version: $(cat "$T/out")"
grep -q '^integrity: ok$' "$T/out" || fail "integrity not ok"
grep -Eq '^wal: [0-9]+ bytes$' "$T/out" || fail "no wal size"
# Free pages appear when rows go, and vacuum gives them back.
e2e_sql "create table scratch (x); insert into scratch select randomblob(4000) from
  (with recursive n(i) as (select 1 union all select i + 1 from n where i < 300) select i from n);
  drop table scratch;"
free=$("$BIN" db status --db "$DB" | sed -n 's/.*, \([0-9]*\) free).*/\1/p')
[ "${free:-0}" -gt 100 ] || fail "no free pages after the drop: $free"
"$BIN" db vacuum --db "$DB" | grep -Eq 'given back' || fail "db vacuum"
free=$("$BIN" db status --db "$DB" | sed -n 's/.*, \([0-9]*\) free).*/\1/p')
[ "$free" = 0 ] || fail "free pages after vacuum: $free"
# A broken file: exit 1 with one line.
e2e_stop_listener
printf 'not a database at all, just text that is long enough to be read' >"$T/bad.db"
"$BIN" db status --db "$T/bad.db" >/dev/null 2>"$T/err"; rc=$?
[ "$rc" = 1 ] || fail "broken file: exit $rc"
[ "$(wc -l <"$T/err")" -ge 1 ] || fail "broken file: no message"
exit 0
