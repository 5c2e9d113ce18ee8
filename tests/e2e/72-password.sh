# Changing one's password over SSH: a wrong current password is refused at
# once; the new one works at the next login and the old one no longer does.
. "$(dirname "$0")/lib.sh"
e2e_user erin "Erin Evans" alumni 'erin password'
e2e_start
e2e_login a erin 'erin password'
e2e_see a 'Welcome.*Erin Evans'
e2e_keys a p; e2e_see a 'Your profile'
e2e_keys a p; e2e_see a 'Change your password'
e2e_see_words a 'What you type shows as stars'
e2e_type a 'not my password'; e2e_keys a Enter
e2e_see a 'That is not your current password'
e2e_type a 'erin password'; e2e_keys a Enter
e2e_see a 'New password'
e2e_type a 'short'; e2e_keys a Enter
e2e_see a 'at least 10 characters'
e2e_keys a C-u; e2e_type a 'a much better passphrase'; e2e_keys a Enter
e2e_type a 'a much better passphrase'; e2e_keys a Enter
e2e_see a 'Your password has been changed'
e2e_screen a | grep -q 'much better' && fail "a password was shown on screen"
e2e_keys a q; e2e_keys a g
e2e_see a 'Log off\? \[y/n\]'
e2e_keys a y
e2e_see a 'ssh exited'
out=$(e2e_try_password erin 'erin password')
echo "$out" | grep -qi denied || fail "the old password still works: $out"
e2e_login b erin 'a much better passphrase'
e2e_see b 'Welcome back, Erin Evans'
exit 0
