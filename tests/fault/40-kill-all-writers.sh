# kill -9 of everything under 20 concurrent writers: 20 members post
# through the data layer (each success printed as it is acknowledged)
# while two members are logged in over ssh; then the writers, the
# listener and every session and UI process get SIGKILL at once. After a
# restart every acknowledged post is there, `db check` is ok, and members
# log in and post again.
. "$(dirname "$0")/lib.sh"
fault_member dave >/dev/null
for i in $(seq 20); do ids[$i]=$(fault_member "w$i"); done
first=$(fault_thread "${ids[1]}")
[ -n "$first" ] || fail "cannot start the thread"
e2e_start
e2e_login a dave 'dave password 1'
e2e_see a 'Welcome.*Member dave'
e2e_login b w1 'w1 password 1'
e2e_see b 'Welcome.*Member w1'

wpids=()
for i in $(seq 20); do
  "$WRITER" reply "$DB" "${ids[$i]}" "$first" >"$T/acked.$i" 2>&1 &
  wpids+=($!)
done
# Let them write, then kill everything without a word.
e2e_until 60 "the writers acknowledged fewer than 1000 posts" \
  eval '[ "$(cat "$T"/acked.* | grep -c "^ok ")" -ge 1000 ]'
kill -KILL "${wpids[@]}" "$SRV" $(pgrep -f -- "$DB") 2>/dev/null
wait "${wpids[@]}" "$SRV" 2>/dev/null; SRV=""
e2e_until 10 "processes survived kill -9" eval '! pgrep -f -- "$DB" >/dev/null'

acked=$(cat "$T"/acked.* | sed -n 's/^ok //p' | sort -u)
n=$(echo "$acked" | wc -l)
echo "$acked" >"$T/acked.all"
fault_db_check
printf '%s\n' "$acked" | sed 's/.*/insert into want values(&);/' |
  { echo "create temp table want (id integer primary key);"; cat;
    echo "select count(*) from want where id not in (select id from posts);"; } |
  sqlite3 "$DB" >"$T/missing" || fail "cannot compare the posts"
[ "$(cat "$T/missing")" = 0 ] || fail "$(cat "$T/missing") of $n acknowledged posts are missing"
echo "0 of $n acknowledged posts lost; db check ok"
e2e_start
e2e_login c dave 'dave password 1'
e2e_see c 'Welcome back.*Member dave'
fault_alive c
"$WRITER" reply "$DB" "${ids[2]}" "$first" 1 | grep -q '^ok ' || fail "cannot post after the restart"
exit 0
