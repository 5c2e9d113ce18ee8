# PuTTY's plink logs in with -pw (PuTTY tries keyboard-interactive first).
# It often sends its service request with its NEWKEYS, like Dropbear, and
# then stalled before any prompt. The host key is pinned with -hostkey, as
# a member compares the fingerprint the sysop publishes.
. "$(dirname "$0")/lib.sh"
command -v plink >/dev/null || fail "plink missing: apt-get install putty-tools"
e2e_user alice "Alice Appleton" alumni 'alice password'
e2e_start
fp() { ssh-keygen -lf "$T/keys/$1.pub" | awk '{print $2}'; }
pins="-hostkey $(fp ssh_host_ed25519_key) -hostkey $(fp ssh_host_rsa_key)"
e2e_client pl "plink -ssh -batch $pins -P $PORT -pw 'alice password' -t alice@127.0.0.1"
# After a keyboard-interactive login plink, on a console, asks for Return
# before the session (its defence against a server spoofing its prompts).
e2e_see pl 'Welcome.*Alice Appleton|Press Return to begin session' 15
if e2e_screen pl | grep -q 'Press Return to begin session'; then e2e_keys pl Enter; fi
e2e_client_visit pl 'Alice Appleton' alice
exit 0
