# A private key pasted into Add key is recognised: refused with a sentence
# naming the .pub line to paste instead, and the pasted text is dropped from
# the field as soon as its first line is recognised, before any Enter;
# nothing is stored.
. "$(dirname "$0")/lib.sh"
e2e_user erin "Erin Evans" alumni 'erin password'
e2e_start
e2e_login a erin 'erin password'
e2e_see a 'Welcome.*Erin Evans'
e2e_keys a p; e2e_see a 'Your profile'
e2e_keys a k; e2e_see a 'SSH keys'
e2e_keys a a; e2e_see a 'Paste one line of your public key file'
printf -- '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACBSECRETSECRETSECRETSECRETSECRETSECRETSECRETAAAAAA=\n-----END OPENSSH PRIVATE KEY-----\n' >"$T/private"
$TM load-buffer "$T/private"
$TM paste-buffer -p -t s:a
e2e_see a 'That is a private key: never paste it anywhere'
e2e_screen a | grep -q 'BEGIN OPENSSH' && fail "the private key stayed on screen"
[ "$(e2e_sql 'select count(*) from ssh_keys')" = 0 ] || fail "a private key was stored"
e2e_screen a | grep -q 'ssh exited' && fail "the pasted lines ran as keys"
exit 0
