# OpenSSH's client, three times: password, keyboard-interactive and a key.
. "$(dirname "$0")/lib.sh"
e2e_keygen id
e2e_user alice "Alice Appleton" alumni 'alice password' --pubkey "$T/id.pub"
e2e_start
e2e_client pw "sshpass -p 'alice password' ssh $SSHO -o PubkeyAuthentication=no" \
  "-o PreferredAuthentications=password -p $PORT alice@127.0.0.1"
e2e_client_visit pw 'Alice Appleton' alice
e2e_client kbd "sshpass -p 'alice password' ssh $SSHO -o PubkeyAuthentication=no" \
  "-o PreferredAuthentications=keyboard-interactive -p $PORT alice@127.0.0.1"
e2e_client_visit kbd 'Alice Appleton' alice
e2e_client key "ssh $SSHO -o BatchMode=yes -o IdentitiesOnly=yes -i $T/id -p $PORT alice@127.0.0.1"
e2e_client_visit key 'Alice Appleton' alice
for m in password keyboard-interactive publickey; do
  grep -q "auth success: method=$m user=alice" "$T/server.log" || fail "no $m login logged"
done
exit 0
