# The sysop's community and mod commands: exit 0 / 1 (refused) / 2 (usage)
# with one line on stderr, a bad value changes nothing, and every change
# is in the audit log as "sysop". An archived community leaves the
# Communities list.
. "$(dirname "$0")/lib.sh"
e2e_user mo "Mo Moderator" alumni 'mo password'
e2e_accept_rules
D="--db $DB"
expect_exit() { # code description command...
  local want=$1 what=$2; shift 2
  "$@" >"$T/out" 2>"$T/err"; local got=$?
  [ "$got" = "$want" ] || fail "$what: exit $got, want $want ($(cat "$T/err"))"
  if [ "$want" = 0 ]; then
    [ ! -s "$T/err" ] || fail "$what: stderr on success: $(cat "$T/err")"
  else
    [ "$(wc -l <"$T/err")" = 1 ] || fail "$what: want one line on stderr, got: $(cat "$T/err")"
  fi
}
audit() { e2e_sql "select count(*) from audit_log where actor = 'sysop' and action = '$1'"; }

expect_exit 2 "community without a command" "$BIN" community $D
expect_exit 2 "community frob" "$BIN" community frob $D
expect_exit 2 "add without --kind" "$BIN" community add Denver $D
expect_exit 2 "add with a bad kind" "$BIN" community add Denver --kind planet $D
expect_exit 2 "add with a control character" "$BIN" community add "$(printf 'Den\033[2Jver')" --kind region $D
expect_exit 2 "add with two names" "$BIN" community add Denver Boulder --kind region $D
[ "$(audit community.add)" = 0 ] || fail "a refused add wrote something"
expect_exit 0 "add" "$BIN" community add "Denver Area" --kind region --description "Colorado" $D
grep -q 'denver-area' "$T/out" || fail "add did not print the slug: $(cat "$T/out")"
expect_exit 1 "add a taken name" "$BIN" community add "denver area" --kind career $D
[ "$(audit community.add)" = 1 ] || fail "community.add not audited once"
expect_exit 0 "list" "$BIN" community list $D
grep -Eq '^denver-area +region +open +0 +0 +Denver Area$' "$T/out" || fail "list: $(cat "$T/out")"

expect_exit 2 "mod add without a community" "$BIN" mod add mo $D
expect_exit 2 "mod add with a bad slug" "$BIN" mod add mo 'Denver Area' $D
expect_exit 2 "mod add with a blank reason" "$BIN" mod add mo denver-area --reason ' ' $D
expect_exit 1 "mod add of nobody" "$BIN" mod add nobody denver-area $D
expect_exit 1 "mod add to no community" "$BIN" mod add mo atlantis $D
[ "$(audit moderator.appoint)" = 0 ] || fail "a refused mod add wrote something"
expect_exit 0 "mod add" "$BIN" mod add mo denver-area --reason "Founding moderator" $D
expect_exit 1 "mod add twice" "$BIN" mod add mo denver-area $D
e2e_sql_is "select count(*) from audit_log where actor = 'sysop' and action = 'moderator.appoint'
  and target = 'mo' and reason = 'Founding moderator'" 1 || fail "appointment not audited"
e2e_sql_is "select count(*) from community_moderators m join communities c on c.id = m.community_id
  where c.slug = 'denver-area'" 1 || fail "mo is not a moderator"
expect_exit 0 "mod remove" "$BIN" mod remove mo denver-area $D
expect_exit 1 "mod remove twice" "$BIN" mod remove mo denver-area $D
[ "$(audit moderator.remove)" = 1 ] || fail "removal not audited once"

expect_exit 2 "archive without a slug" "$BIN" community archive $D
expect_exit 1 "archive no such community" "$BIN" community archive atlantis $D
expect_exit 0 "archive" "$BIN" community archive denver-area --reason "Merged into Colorado" $D
expect_exit 1 "archive twice" "$BIN" community archive denver-area $D
[ "$(audit community.archive)" = 1 ] || fail "archive not audited once"
"$BIN" community list $D | grep -Eq '^denver-area +region +archived ' || fail "list does not say archived"

# Archived: not in Communities (test_community.c shows posts there refused).
e2e_join mo denver-area boston
e2e_start
e2e_login m mo 'mo password'
e2e_see m 'Welcome.*Mo Moderator'
e2e_keys m c; e2e_see m 'All communities'
e2e_see m 'Boston'
e2e_screen m | grep -q 'Denver Area' && fail "an archived community is listed"
exit 0
