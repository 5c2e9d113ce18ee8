# A paste with bytes that are not UTF-8 (a Latin-1 é, a stray 0xff) loses
# nothing: each bad byte shows as U+FFFD and everything after it arrives.
# A multi-line paste into a one-line field uses the first line and does not
# run the other lines as keys (bracketed paste).
. "$(dirname "$0")/lib.sh"
e2e_user erin "Erin Evans" alumni 'erin password'
e2e_start
e2e_login a erin 'erin password'
e2e_see a 'Welcome.*Erin Evans'
e2e_keys a p; e2e_see a 'Your profile'
e2e_keys a e; e2e_see a 'Edit your profile'
e2e_choose a '^ +Bio( |$)' Enter
e2e_see a 'Editing: Bio'
printf 'A\377B first line\ncaf\351 Latin-1, caf\303\251 UTF-8, \345\256\211 wide\nthird line kept\n' >"$T/paste"
$TM load-buffer "$T/paste"
$TM paste-buffer -t s:a
e2e_see a 'A�B first line'
e2e_see a 'caf� Latin-1, café UTF-8, 安 wide'
e2e_see a 'third line kept'
e2e_keys a C-x
e2e_see a 'Bio +[0-9]+ characters'
e2e_keys a s
e2e_see a 'Your profile has been saved'
e2e_sql "select bio from users where login = 'erin'" | grep -q 'third line kept' ||
  fail "the text after the bad bytes was not saved"

e2e_keys a q; e2e_see a 'Welcome'
e2e_keys a c; e2e_see a 'All communities'
e2e_keys a /; e2e_see a 'Search:'
printf 'grant writing\nq\nq\ng\ny\n' >"$T/lines"
$TM load-buffer "$T/lines"
$TM paste-buffer -p -t s:a
e2e_see a 'Only the first line of the pasted text was used'
e2e_see a 'Search: grant writing'
e2e_screen a | grep -q 'ssh exited' && fail "pasted lines logged the member off"
e2e_keys a Enter
e2e_see a 'Search posts'
exit 0
