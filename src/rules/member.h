/* A member's account and profile as plain data, shared by the data layer,
 * the domain rules and the screens. Sizes are bytes with room for the UTF-8
 * of the character limits in user.h. */
#ifndef MEMBER_H
#define MEMBER_H
#include <stdbool.h>
#include <stdint.h>

enum role { ROLE_ALUMNI = 0, ROLE_TRAINEE = 1, ROLE_STUDENT = 2 };
enum member_status { STATUS_ACTIVE = 0, STATUS_SUSPENDED = 1, STATUS_PENDING = 2 };

#define MEMBER_LOGIN_SZ	33
#define MEMBER_NAME_SZ	257	/* 64 columns of up to 4 bytes */
#define MEMBER_FIELD_SZ	321	/* 80 characters */
#define MEMBER_TOPICS_SZ 801	/* 200 characters */
#define MEMBER_BIO_SZ	16001	/* 4000 characters */

struct member {
	int64_t id;
	char login[MEMBER_LOGIN_SZ];
	char name[MEMBER_NAME_SZ];
	enum role role;
	bool is_admin;
	enum member_status status;
	int64_t created_at;		/* unix seconds */
	int64_t last_login_at;		/* 0 = never */
	bool rules_accepted;
	bool pw_expired;		/* must choose a new password first */
	int64_t kicked_at;		/* sessions started by then end; 0 = never */

	/* profile */
	char programs[MEMBER_FIELD_SZ];	/* degree program(s), e.g. "MD, PhD" */
	int grad_year;			/* 0 = not given */
	char specialty[MEMBER_FIELD_SZ];
	char subspecialty[MEMBER_FIELD_SZ];
	char position[MEMBER_FIELD_SZ];
	char institution[MEMBER_FIELD_SZ];
	char city[MEMBER_FIELD_SZ];
	char region[MEMBER_FIELD_SZ];
	char country[MEMBER_FIELD_SZ];
	char topics[MEMBER_TOPICS_SZ];	/* mentoring topics, comma separated */
	char bio[MEMBER_BIO_SZ];	/* multi-line */
	bool open_to_mentoring;		/* never true for students */
	bool seeking_mentor;
	int max_mentees;		/* 0..20 */
};

/* A registered SSH public key. */
struct member_key {
	int64_t id;
	int64_t user_id;
	char type[32];			/* "ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa", ... */
	char *blob_b64;			/* canonical base64 of the key blob; owned */
	char fingerprint[64];		/* "SHA256:..." as OpenSSH prints it */
	char comment[MEMBER_FIELD_SZ];
	int64_t created_at;
};

/* One row of Who's online. */
struct presence {
	int pid;
	int64_t user_id;
	char login[MEMBER_LOGIN_SZ];
	char name[MEMBER_NAME_SZ];
	char section[64];		/* where they are: "Main menu", "Profile", ... */
	char peer[64];			/* the address they came from; "" if not known */
	int64_t started_at;
	int64_t last_input_at;
};

#endif
