/* SQL scripts compiled into the binary by src/embed-sql.sh. */
#ifndef SQLEMBED_H
#define SQLEMBED_H

struct sql_script {
	int version;		/* migrations: schema version it brings; seed: order */
	const char *name;	/* file name without .sql */
	const char *sql;
};

/* Both tables end with an entry whose name is NULL. */
extern const struct sql_script sql_migrations[];
extern const struct sql_script sql_seeds[];

#endif
