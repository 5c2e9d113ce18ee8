# Two members see each other in Who's online; a stored display name full of
# escape sequences shows inert on the other member's screen; resizing
# redraws at once, and below 40x15 the UI says so instead of drawing garbage.
. "$(dirname "$0")/lib.sh"
e2e_user fay "Fay Fischer" alumni 'fay password 1'
e2e_user gus "Gus Gomez" student 'gus password 1'
e2e_start
# An imported roster row that tries to clear the screen and set the title.
e2e_sql "update users set display_name = 'Gus' || char(27) || '[2J' || char(27) || ']2;pwned' || char(7) || 'Gomez' where login = 'gus'"

e2e_login f fay 'fay password 1'
e2e_see f 'Welcome.*Fay Fischer'
e2e_login g gus 'gus password 1'
e2e_see g 'Welcome'
e2e_keys f w
e2e_see f "Who's online \(2\)"
e2e_see f 'gus'
e2e_see f 'Fay Fischer'
e2e_screen f | grep -q 'Gus.*\[2J.*Gomez' || fail "escape sequence not shown inert: $(e2e_screen f | grep -i gus)"
[ "$($TM display-message -p -t s:f '#{pane_title}')" != pwned ] || fail "a stored name set the terminal title"
e2e_screen f | head -1 | grep -q 'mentorbbs' || fail "header bar lost: the screen was cleared"
e2e_keys g w
e2e_see g 'Fay Fischer'
# Fay opens Gus's profile from the list.
e2e_choose f ' gus ' Enter
e2e_see f 'Profile of Gus'

# Resize: the header's member name moves to the new right edge at once.
e2e_keys f q
e2e_resize f 120 40
e2e_see f "^ mentorbbs.{80,}Fay Fischer *$"
e2e_resize f 36 14
e2e_see_words f 'Terminal too small: need 40x15, this is 36x14'
e2e_resize f 80 24
e2e_see f "Who's online|Main menu"
e2e_gone f 'Terminal too small'
exit 0
