# Email end to end through a real sendmail (msmtp) to a real SMTP server on
# a loopback port (aiosmtpd): a member adds an address in Profile, the code
# arrives by mail and is typed in the session; a moderator's warning and a
# mentorship request arrive at once with correct headers (RFC 2047 for the
# non-ASCII name), a digest tells of a waiting request and an announcement;
# the stop line, mailed to the stop address and piped to `mail stop` as the
# sysop's alias does, turns mail off and its token works once; a runner
# killed while sendmail has a mail never sends it twice.
. "$(dirname "$0")/lib.sh"
command -v msmtp >/dev/null || fail "needs msmtp (tests set-up installs it)"
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || fail "needs python3-aiosmtpd"
e2e_user mona "Mona Ünal" alumni 'mona password 1'
e2e_user sam "Sam Student" student 'sam password 1'
e2e_sql "update users set specialty = 'Cardiology', open_to_mentoring = 1, max_mentees = 2
  where login = 'mona'"
e2e_accept_rules

SMTP=$(free_port)
mkdir -p "$T/mail"
/usr/bin/python3 "$E2E_ROOT/tests/e2e/smtp-sink.py" --port "$SMTP" --dir "$T/mail" \
  --stop-addr stop@bbs.example.org --max-seconds 240 \
  --stop-cmd "'$BIN' mail stop --stdin --db '$DB'" >"$T/smtp.log" 2>&1 &
for _ in $(seq 100); do [ -e "$T/mail/ready" ] && break; sleep 0.1; done
[ -e "$T/mail/ready" ] || fail "the SMTP server did not start: $(cat "$T/smtp.log")"
printf 'account default\nhost 127.0.0.1\nport %s\nfrom bbs@bbs.example.org\nauth off\ntls off\n' \
  "$SMTP" >"$T/msmtprc"
chmod 600 "$T/msmtprc"
mailconf() { # sendmail command
  printf '[bbs]\nname = Alumni BBS\n[mail]\nfrom = bbs@bbs.example.org\nsendmail = %s\n' "$1"
  printf 'stop_address = stop@bbs.example.org\nlogin_host = bbs.example.org\nlogin_port = 2222\n'
  printf 'retry_seconds = 1\n'
}
mailconf "/usr/bin/msmtp -C $T/msmtprc -t -i" >"$T/mail.conf"
e2e_start --config "$T/mail.conf"
run_mail() { "$BIN" mail run --once --config "$T/mail.conf" --db "$DB" "$@" >>"$T/run.log" 2>&1 \
  || fail "mail run: $(tail -2 "$T/run.log")"; }
# wait_mail N: the Nth message has arrived (5 s).
wait_mail() {
  for _ in $(seq 50); do [ -e "$T/mail/$1.eml" ] && return 0; sleep 0.1; done
  fail "message $1 never arrived; run log: $(tail -6 "$T/run.log"; e2e_sql "select id, kind, state, last_error from mail_outbox; select * from mail_prefs; select id, created_at from announcements; select id, created_at from mentorships")"
}
received() { ls "$T/mail" | grep -c '\.eml$'; }
hdr() { grep -m1 "^$2:" "$T/mail/$1.eml" | tr -d '\r'; }

# Mona adds her address; the code comes by mail and she types it.
e2e_login a mona 'mona password 1'
e2e_see a 'Welcome.*Mona'
e2e_keys a p; e2e_see a 'm email'
e2e_keys a m; e2e_see a 'Address: none yet'
e2e_keys a a; e2e_see a 'Esc cancel'
e2e_type a 'bad address'; e2e_keys a Enter
e2e_see_words a 'no spaces'
e2e_keys a C-u; e2e_type a 'mona@example.org'; e2e_keys a Enter
e2e_see_words a 'A code is on its way to mona@example.org'
e2e_sql_is "select count(*) from mail_outbox where kind = 'code' and state = 'queued'" 1 \
  || fail "no code queued"
e2e_sql_is "select count(*) from mail_verify where length(code_hash) = 32" 1 \
  || fail "the code's hash is not stored"
run_mail
wait_mail 1
hdr 1 X-Envelope-To | grep -q 'mona@example.org' || fail "code went to $(hdr 1 X-Envelope-To)"
code=$(grep -o 'Your code is [0-9]\{6\}' "$T/mail/1.eml" | grep -o '[0-9]\{6\}')
[ -n "$code" ] || fail "no code in: $(cat "$T/mail/1.eml")"
e2e_sql_is "select count(*) from mail_outbox where kind = 'code' and body is not null" 0 \
  || fail "the sent code is still stored in the clear"
e2e_keys a c; e2e_see a '^ +Code:'
e2e_type a '000000'; e2e_keys a Enter
[ "$code" = 000000 ] || e2e_see_words a 'not the code'
e2e_keys a C-u; e2e_type a "$code"; e2e_keys a Enter
e2e_see_words a 'Your address is confirmed'
e2e_see a 'Address: mona@example.org'
e2e_see a '4 \[x\] A moderator'
e2e_see a 'Digest: weekly'

# A moderator's warning comes at once: headers, the encoded name, the body,
# the stop line and List-Unsubscribe.
"$BIN" sanction mona warn --reason 'Please keep the thread civil' --db "$DB" >/dev/null \
  || fail "sanction warn"
run_mail
wait_mail 2
m=$T/mail/2.eml
hdr 2 From | grep -qx 'From: "Alumni BBS" <bbs@bbs.example.org>' || fail "From: $(hdr 2 From)"
hdr 2 To | grep -qx 'To: =?UTF-8?Q?Mona_=C3=9Cnal?= <mona@example.org>' || fail "To: $(hdr 2 To)"
hdr 2 Subject | grep -qx "Subject: \[Alumni BBS\] A moderator's warning" || fail "$(hdr 2 Subject)"
hdr 2 Content-Type | grep -qi 'text/plain; charset=UTF-8' || fail "$(hdr 2 Content-Type)"
hdr 2 Date | grep -Eq '^Date: [A-Z][a-z]{2}, [0-9]{2} [A-Z][a-z]{2} 20[0-9]{2} [0-9:]{8} \+0000$' \
  || fail "$(hdr 2 Date)"
hdr 2 Message-ID | grep -q '@bbs.example.org>' || fail "$(hdr 2 Message-ID)"
grep -q 'Hello Mona Ünal,' "$m" || fail "no greeting by name"
grep -q 'Please keep the thread civil' "$m" || fail "no reason in the warning"
grep -q "Log in to see it: ssh -p 2222 mona@bbs.example.org" "$m" || fail "no login line"
grep -Eq '^To stop these mails, send a mail to stop@bbs.example.org with the subject stop-[0-9a-f]{32}$' \
  "$m" || fail "no stop line: $(tail -4 "$m")"
hdr 2 List-Unsubscribe | grep -Eq '<mailto:stop@bbs.example.org\?subject=stop-[0-9a-f]{32}>' \
  || fail "$(hdr 2 List-Unsubscribe)"

# Sam asks Mona for mentorship over SSH: that mail comes at once too.
e2e_login b sam 'sam password 1'
e2e_see b 'Welcome.*Sam Student'
e2e_keys b f; e2e_see b 'Find a mentor'
e2e_choose b '^ +Specialty( |$)' Enter; e2e_type b 'card'; e2e_keys b Enter
e2e_keys b s; e2e_see b 'Mentors found \(1\)'
e2e_keys b Enter; e2e_see b 'Profile of Mona'
e2e_keys b r; e2e_see b 'Request mentorship from Mona'
e2e_keys b e; e2e_see b 'Editing'
e2e_type b 'Could you help me choose a fellowship?'; e2e_keys b C-x
e2e_see b 'Message ready'; e2e_keys b s
e2e_see b 'Request sent to Mona'
run_mail
wait_mail 3
hdr 3 Subject | grep -q 'A mentorship request for you' || fail "$(hdr 3 Subject)"
grep -q 'Sam Student asked you for mentorship' "$T/mail/3.eml" || fail "request mail body"

# The digest: the waiting request and an announcement; never message text.
# A digest covers up to the second before it runs (db-mail-run.c): wait
# for the clock to move on past the announcement.
"$BIN" announce 'Welcome week starts Monday' --db "$DB" >/dev/null || fail "announce"
next_second() { local s=$(date +%s); for _ in $(seq 30); do [ "$(date +%s)" -gt "$s" ] && return; sleep 0.05; done; }
next_second
run_mail --digest-now
wait_mail 4
hdr 4 Subject | grep -q 'What is new for you' || fail "$(hdr 4 Subject)"
grep -q '1 mentorship request' "$T/mail/4.eml" || fail "digest: no request"
grep -q 'Welcome week starts Monday' "$T/mail/4.eml" || fail "digest: no announcement"
run_mail --digest-now
sleep 0.5	# a mail that should not come: give it the time one takes
[ "$(received)" = 4 ] || fail "a digest with nothing new was sent"

# The stop line: a mail to the stop address with the token as its subject,
# through SMTP to the alias's pipe, stops all mail without logging in.
token=$(grep -o 'stop-[0-9a-f]\{32\}' "$T/mail/4.eml" | head -1)
printf 'To: stop@bbs.example.org\nFrom: mona@example.org\nSubject: %s\n\nstop\n' "$token" \
  | /usr/bin/msmtp -C "$T/msmtprc" -t || fail "could not mail the stop address"
wait_mail 5
for _ in $(seq 50); do [ -e "$T/mail/5.stop" ] && break; sleep 0.1; done
head -1 "$T/mail/5.stop" | grep -qx 0 || fail "mail stop: $(cat "$T/mail/5.stop")"
grep -q 'mail stopped for mona' "$T/mail/5.stop" || fail "$(cat "$T/mail/5.stop")"
e2e_sql_is "select immediate || digest from mail_prefs" 0off || fail "mail not off"
"$BIN" mail stop "$token" --db "$DB" 2>"$T/stop2.err" && fail "a used token worked twice"
grep -q 'used already' "$T/stop2.err" || fail "$(cat "$T/stop2.err")"
"$BIN" sanction mona warn --reason 'Second warning' --db "$DB" >/dev/null || fail "warn 2"
run_mail --digest-now
sleep 0.5
[ "$(received)" = 5 ] || fail "mail came after the stop"
e2e_see a 'Digest: off'
e2e_see a '4 \[ \] A moderator'

# Mona turns warnings back on from the screen. A runner killed while its
# sendmail has the mail (msmtp delivered it; the wrapper has not exited)
# leaves it sending; the next runner marks it unknown and sends no copy.
e2e_keys a 4; e2e_see a '4 \[x\] A moderator'
"$BIN" sanction mona warn --reason 'Third warning' --db "$DB" >/dev/null || fail "warn 3"
cat >"$T/slow-sendmail" <<SH
#!/bin/sh
echo \$\$ >"$T/slow.pid"
/usr/bin/msmtp -C "$T/msmtprc" -t -i || exit 1
touch "$T/handed"
exec sleep 60
SH
chmod +x "$T/slow-sendmail"
mailconf "$T/slow-sendmail" >"$T/slow.conf"
"$BIN" mail run --once --config "$T/slow.conf" --db "$DB" >>"$T/run.log" 2>&1 & RUNNER=$!
for _ in $(seq 100); do [ -e "$T/handed" ] && break; sleep 0.1; done
[ -e "$T/handed" ] || fail "the slow sendmail never delivered"
kill -KILL "$RUNNER"; wait "$RUNNER" 2>/dev/null
kill "$(cat "$T/slow.pid")" 2>/dev/null
wait_mail 6
e2e_sql_is "select state from mail_outbox where body like '%Third%'" sending || fail "not left sending"
run_mail
grep -q 'marked unknown' "$T/run.log" || fail "the runner did not say it found one: $(tail -2 "$T/run.log")"
e2e_sql_is "select state from mail_outbox where body like '%Third%'" unknown || fail "not unknown"
sleep 0.5
[ "$(grep -l 'Third warning' "$T/mail/"*.eml | wc -l)" = 1 ] || fail "the killed send went out twice"
"$BIN" mail status --db "$DB" | grep -Eq '^unknown +1$' || fail "status: $("$BIN" mail status --db "$DB")"
echo "ok"
