#!/usr/bin/env python3
"""Community boards at scale: page times and sustained posting.

  bench-boards.py BIN [POSTS]

Seeds POSTS (default 1,000,000) demo posts with `BIN seed-demo` once and
keeps the database under /tmp (reused while the schema matches), then moves
every thread into one community, the worst case for its pages. Builds the
helper tests/bench/boards-page.c against build/libmentorbbs.a and prints:
thread-list and thread-view page times, database and render separately
(p50/p95, the real screens drawn into a curses terminal on /dev/null), a
new-posts scan step and the unread counts for a member with every post
unread, posts per second with one and with several writer processes, and
post searches (tests/bench/board-search.c): common words, phrases, short and
long prefixes and the finding's a* / a* OR b* ... z*, each with its answer
(0 found, -5 refused by a rule, -9 stopped by the time budget).
Figures only: nothing here passes or fails."""
import glob, os, shutil, sqlite3, subprocess, sys, tempfile, time

BIN = os.path.abspath(sys.argv[1])
POSTS = int(sys.argv[2]) if len(sys.argv) > 2 else 1000000
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CACHE = "/tmp/mentorbbs-bench-boards-%d.db" % POSTS
WRITERS = 4
WRITE_SECONDS = 5

def schema_version():
    return max(int(os.path.basename(p).split("-")[0])
               for p in glob.glob(os.path.join(ROOT, "db/migrations/*.sql")))

def cached_ok():
    if not os.path.exists(CACHE):
        return False
    try:
        con = sqlite3.connect(CACHE)
        v = con.execute("PRAGMA user_version").fetchone()[0]
        n = con.execute("SELECT count(*) FROM posts").fetchone()[0]
        con.close()
        return v == schema_version() and n >= POSTS
    except sqlite3.Error:
        return False

def seed():
    tmp = tempfile.mkdtemp(prefix="bench-boards.")
    db = os.path.join(tmp, "b.db")
    t0 = time.monotonic()
    subprocess.run([BIN, "seed-demo", "--posts", str(POSTS), "--db", db], check=True,
                   stdout=subprocess.DEVNULL)
    took = time.monotonic() - t0
    con = sqlite3.connect(db)
    # Every thread in one community: the biggest a community page can face.
    con.execute("UPDATE threads SET community_id = 1")
    con.execute("UPDATE posts SET community_id = 1")
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    shutil.move(db, CACHE + ".tmp")
    os.replace(CACHE + ".tmp", CACHE)
    shutil.rmtree(tmp, ignore_errors=True)
    print("seed-demo: %d posts in %.1f s (%.0f posts/s), cached in %s"
          % (POSTS, took, POSTS / took, CACHE))

SEARCHES = ["mentor", "department chair", '"first meeting"', "mentor in:boston",
            "mentor*", "int*", "the*", "a*",
            " OR ".join(c + "*" for c in "abcdefghijklmnopqrstuvwxyz")]

def helper(tmp, name="boards-page"):
    out = os.path.join(tmp, name)
    pkgs = "libssh ncursesw sqlite3 libsodium inih libseccomp"
    cflags = subprocess.run(["pkg-config", "--cflags"] + pkgs.split(), capture_output=True,
                            text=True).stdout.split()
    libs = subprocess.run(["pkg-config", "--libs"] + pkgs.split(), capture_output=True,
                          text=True).stdout.split()
    lib = os.path.join(ROOT, "build", "libmentorbbs.a")
    subprocess.run(["cc", "-std=c17", "-D_GNU_SOURCE", "-O2", "-iquote",
                    os.path.join(ROOT, "src"), "-iquote", os.path.join(ROOT, "build")] + cflags +
                   ["-o", out, os.path.join(ROOT, "tests/bench", name + ".c"), lib] + libs +
                   ["-lutil"], check=True)
    return out

def main():
    if not cached_ok():
        seed()
    else:
        print("reusing %s" % CACHE)
    con = sqlite3.connect(CACHE)
    member = con.execute("SELECT id FROM users WHERE status = 'active' AND "
                         "rules_accepted_at IS NOT NULL LIMIT 1").fetchone()[0]
    # The reader joined long ago and read nothing: a million posts unread.
    con.execute("INSERT OR REPLACE INTO community_members (community_id, user_id, joined_at, "
                "read_floor) VALUES (1, ?, 0, 0)", (member,))
    con.execute("DELETE FROM thread_reads WHERE user_id = ?", (member,))
    con.commit()
    threads = con.execute("SELECT count(*) FROM threads WHERE community_id = 1").fetchone()[0]
    posts = con.execute("SELECT count(*) FROM posts WHERE community_id = 1").fetchone()[0]
    con.close()
    tmp = tempfile.mkdtemp(prefix="bench-boards.")
    try:
        out = subprocess.run([helper(tmp, "board-search"), CACHE, str(member)] + SEARCHES,
                             check=True, capture_output=True, text=True).stdout
        print("post search (median of 3; code 0 found, -5 refused, -9 too broad):")
        for line in out.split("\n"):
            if line:
                us, code, hits, query = line.split(" ", 3)
                print("  %9.1f ms  code %3s  %3s hits  %s" % (int(us) / 1000, code, hits,
                                                          query[:60]))
        exe = helper(tmp)
        print("one community: %d posts in %d threads; 300 random pages each" % (posts, threads))
        out = subprocess.run([exe, "read", CACHE, str(member), "1", "300"], check=True,
                             capture_output=True, text=True).stdout
        for line in out.split("\n"):
            if line:
                name, p50, p95 = line.split()
                print("  %-20s p50 %6.3f ms  p95 %6.3f ms" % (name, int(p50) / 1000, int(p95) / 1000))
        for w in (1, WRITERS):
            procs = [subprocess.Popen([exe, "write", CACHE, str(member), str(WRITE_SECONDS)],
                                      stdout=subprocess.PIPE, text=True) for _ in range(w)]
            total = 0
            for p in procs:
                total += int(p.communicate()[0].split()[1])
            print("  posting, %d writer%s: %.0f posts/s sustained over %d s (replies, with "
                  "notices and search index)" % (w, "" if w == 1 else "s",
                                                 total / WRITE_SECONDS, WRITE_SECONDS))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

main()
