# Plain mode: automatic on a dumb terminal (">" on the chosen menu entry
# and list row, the terminal cursor on it); a member setting in Profile
# that takes the colour away on a colour terminal; news said in words on
# the message line. The time zone setting applies at once under the real
# sandbox: a notice's time moves with it and the screen names the zone.
. "$(dirname "$0")/lib.sh"
e2e_user pat "Pat Park" alumni 'pat password 1'
e2e_user quinn "Quinn Quade" alumni 'quinn password 1'
e2e_accept_rules
e2e_start

cursor() { $TM display -p -t "s:$1" '#{cursor_x},#{cursor_y}'; }
# The screen row (from 0) of the first line matching REGEX.
row_of() { e2e_screen "$1" | grep -n -m1 -E -- "$2" | cut -d: -f1 | awk '{print $1 - 1}'; }

# TERM=dumb: plain mode without asking.
e2e_window p "TERM=dumb sshpass -p 'pat password 1' ssh $SSHO -o PubkeyAuthentication=no -tt -p $PORT pat@127.0.0.1; echo '[ssh exited]' \$?; sleep 60"
e2e_see p 'Welcome.*Pat Park'
e2e_see p '^> +\[P\] Profile'
y=$(row_of p '^> +\[P\] Profile')
e2e_until 5 "cursor not on the chosen menu entry (at $(cursor p), want 0,$y)" \
  test "$(cursor p)" = "0,$y"
e2e_keys p Down
e2e_see p '^> +\[F\] Find a mentor'
y=$(row_of p '^> +\[F\] Find a mentor')
e2e_until 5 "cursor did not follow the choice" test "$(cursor p)" = "0,$y"
# A list: the engine's "> " and the cursor on it.
e2e_keys p w
e2e_see p "Who's online \(1\)"
e2e_see p '^  > Pat Park'
y=$(row_of p '^  > Pat Park')
e2e_until 5 "cursor not on the chosen row (at $(cursor p), want 2,$y)" \
  test "$(cursor p)" = "2,$y"
# News in words, not only counted in the bar.
e2e_sql "insert into notices (user_id, kind, text, created_at) select id, 'mentorship',
  'Sam Student asked you for mentorship', strftime('%s','now') from users where login = 'pat'"
e2e_see_words p 'New notice: Sam Student asked you for mentorship' 5
e2e_see p '1 notice' 5

# A colour terminal has colour until the member turns plain mode on.
e2e_login q quinn 'quinn password 1'
e2e_see q 'Welcome.*Quinn Quade'
$TM capture-pane -e -p -t s:q | grep -q $'\e''\[[0-9;]*4[0-7]m' || fail "no colour on a colour terminal"
e2e_screen q | grep -q '^>' && fail "plain mark without plain mode"
e2e_keys q p; e2e_see q 'Your profile'
e2e_keys q d; e2e_see q 'Display and time'
e2e_see q 'Plain mode is off now \(automatic'
e2e_choose q '^ +Plain mode +automatic *$' Enter
e2e_see q 'Plain mode +on'
e2e_keys q s
e2e_see_words q 'Saved: plain mode on'
e2e_until 5 "colour still drawn in plain mode" \
  sh -c "! $TM capture-pane -e -p -t s:q | grep -q $'\e''\[[0-9;]*[34][0-7]m'"
e2e_see q '^> +Plain mode'
e2e_sql_is "select display_plain from users where login = 'quinn'" 1 || fail "plain mode not stored"

# The time zone, set after the sandbox is in force: the zone database is
# still readable and the change shows at once.
e2e_choose q '^[> ] +Time zone'
e2e_keys q Enter
e2e_type q 'Mars/Olympus'; e2e_keys q Enter; e2e_keys q s
e2e_see_words q 'There is no time zone called Mars/Olympus here'
e2e_keys q Enter; e2e_keys q C-u; e2e_type q 'Asia/Tokyo'; e2e_keys q Enter; e2e_keys q s
e2e_see_words q 'Saved: plain mode on, times in Asia/Tokyo'
e2e_sql "insert into notices (user_id, kind, text, created_at) select id, 'mentorship',
  'New Year notice', 1767225600 from users where login = 'quinn'"
e2e_keys q q; e2e_see q 'Your profile'
e2e_keys q q; e2e_see q 'Main menu'
e2e_keys q n; e2e_see q 'New Year notice'
e2e_see q '2026-01-01 09:00'
e2e_see q 'times: Asia/Tokyo'
e2e_keys q q; e2e_keys q p; e2e_see q 'Your profile'
e2e_keys q d; e2e_see q 'Display and time'
e2e_choose q '^[> ] +Time zone' Enter
e2e_keys q C-u; e2e_type q 'America/New_York'; e2e_keys q Enter; e2e_keys q s
e2e_see_words q 'times in America/New_York'
e2e_keys q q; e2e_keys q q; e2e_see q 'Main menu'
e2e_keys q n; e2e_see q '2025-12-31 19:00'
e2e_see q 'times: America/New_York'
grep -q 'SIGSYS\|bad system call' "$T/server.log" && fail "the sandbox killed the UI"
exit 0
