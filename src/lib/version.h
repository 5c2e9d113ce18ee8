/* The program's version: `mentorbbs --version`, the SSH banner's comment
 * is not it (a banner names no version to scanners). Raised by hand with
 * each release; the schema version is the database's own (user_version). */
#ifndef VERSION_H
#define VERSION_H
#define MENTORBBS_VERSION	"0.9.0"
#endif
