/*
 * opsalign batch and merge: the base and its scenarios solved in worker
 * processes, each result written atomically into a directory, resumable,
 * shardable across machines, and joined into one summary.
 *
 * DIR holds, per run NAME ("base", or the scenario file's name without
 * .xml): NAME.xml (the result, XML), NAME.key (what it was computed from,
 * and a hash of NAME.xml's bytes) or NAME.err (why it failed); and
 * summary.csv, summary.xml, summary.xlsx, .lock.  A run is up to date
 * when NAME.key matches the plan, the scenario, the options and the
 * library version (a hash of them) and NAME.xml is the file the key was written for: a rerun
 * skips it.  The key is removed before a result is replaced and written
 * after it, so a run cut between the two is solved again; a run that
 * fails removes its old result.  One batch at a time writes DIR (flock
 * on DIR/.lock).
 */
#define _POSIX_C_SOURCE 200809L

#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "args.h"
#include "cli.h"

#define MAX_RUNS 100000

typedef struct run {
    const char *name;        /* "base" or the scenario's stem */
    const char *scenario;    /* path, NULL for the base */
    char key[17];
    int mine;                /* in this shard */
    int todo;
    pid_t pid;
    int status;              /* -1 running or not started */
} run;

/* ---- small helpers ---- */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A whole file through the library's reader (NULL if it cannot be
 * read); freed with oa_free. */
static char *read_all(const char *path, size_t *size)
{
    char *d = NULL;
    size_t n = 0;
    if (oa_file_load(&d, &n, path, (size_t)1 << 30, NULL) != OA_OK)
        return NULL;
    if (size)
        *size = n;
    return d;
}

/* FNV-1a, 64 bits. */
static uint64_t fnv(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    size_t k;
    for (k = 0; k < n; k++) {
        h ^= p[k];
        h *= 1099511628211ULL;
    }
    return h;
}

/* Writes text to path atomically (the library's atomic write). */
static int write_atomic(const char *path, const char *text)
{
    return oa_file_save(path, text, strlen(text), NULL) == OA_OK ? 0 : -1;
}

static void path_of(char *buf, size_t size, const char *dir, const char *name,
                    const char *ext)
{
    snprintf(buf, size, "%s/%s%s", dir, name, ext);
}

/* "x/y/name.xml" -> "name" (into buf). */
static void stem(char *buf, size_t size, const char *path)
{
    const char *b = strrchr(path, '/');
    size_t n;
    b = b ? b + 1 : path;
    n = strlen(b);
    if (n > 4 && strcmp(b + n - 4, ".xml") == 0)
        n -= 4;
    if (n >= size)
        n = size - 1;
    memcpy(buf, b, n);
    buf[n] = '\0';
}

/* The hash of a file's bytes as 16 hex digits into out (17 bytes); 0
 * when it could be read. */
static int file_hash(char *out, const char *path)
{
    size_t n = 0;
    char *d = read_all(path, &n);
    if (d == NULL)
        return -1;
    snprintf(out, 17, "%016llx",
             (unsigned long long)fnv(14695981039346656037ULL, d, n));
    oa_free(d);
    return 0;
}

/* NAME.key holds the run's key and the hash of the NAME.xml it was
 * written for: "KEY\nHASH\n". */
static int up_to_date(const char *dir, const run *r)
{
    char p[4096], *k, h[17];
    int same;
    path_of(p, sizeof p, dir, r->name, ".xml");
    if (file_hash(h, p) != 0)
        return 0;
    path_of(p, sizeof p, dir, r->name, ".key");
    k = read_all(p, NULL);
    same = k && strlen(k) >= 34 && strncmp(k, r->key, 16) == 0 &&
           k[16] == '\n' && strncmp(k + 17, h, 16) == 0;
    oa_free(k);
    return same;
}

/* ---- one run, in a child process ---- */

static int child(const char *dir, const run *r, oa_plan *base_plan,
                 const oa_solve_opts *opts)
{
    oa_scenario *sc = NULL;
    oa_result *res = NULL, *start = NULL;
    oa_error err;
    oa_error_list *errs = NULL;
    oa_solve_opts o = *opts;
    char p[4096], msg[OA_ERROR_SOURCE_LENGTH + OA_ERROR_TEXT_LENGTH + 64];
    int rc;
    msg[0] = '\0';
    oa_error_clear(&err);
    rc = oa_error_list_new(&errs);
    if (rc == OA_OK && r->scenario) {
        rc = oa_scenario_read_file(&sc, r->scenario, NULL, &err, errs);
        /* The base's roadmap, if it is there already, starts the search. */
        path_of(p, sizeof p, dir, "base", ".xml");
        if (rc == OA_OK && oa_result_read_file(&start, p, NULL) == OA_OK)
            o.start = start;
    }
    if (rc == OA_OK)
        rc = oa_solve_scenario(&res, base_plan, sc, &o, &err, errs);
    /* The old key goes first: a result replaced without its new key is
     * never taken for an up-to-date one. */
    path_of(p, sizeof p, dir, r->name, ".key");
    remove(p);
    if (rc == OA_OK) {
        path_of(p, sizeof p, dir, r->name, ".xml");
        rc = oa_result_save(res, p, OA_FORMAT_XML, &err);
    }
    if (rc == OA_OK) {
        char key[64], h[17];
        path_of(p, sizeof p, dir, r->name, ".xml");
        if (file_hash(h, p) != 0)
            h[0] = '\0';
        snprintf(key, sizeof key, "%s\n%s\n", r->key, h);
        path_of(p, sizeof p, dir, r->name, ".err");
        remove(p);
        path_of(p, sizeof p, dir, r->name, ".key");
        if (write_atomic(p, key) != 0)
            rc = OA_EIO;
    } else {
        /* A run that fails now is a failure, whatever an earlier run
         * left. */
        path_of(p, sizeof p, dir, r->name, ".xml");
        remove(p);
        size_t k, n = errs ? oa_error_list_count(errs) : 0;
        char *all = malloc(n * sizeof msg + sizeof msg);
        if (all) {
            all[0] = '\0';
            if (n == 0) {
                oa_error_format(msg, sizeof msg, &err);
                strcat(all, msg);
                strcat(all, "\n");
            }
            for (k = 0; k < n; k++) {
                oa_error_format(msg, sizeof msg, oa_error_list_get(errs, k));
                strcat(all, msg);
                strcat(all, "\n");
            }
            path_of(p, sizeof p, dir, r->name, ".err");
            write_atomic(p, all);
            free(all);
        }
    }
    oa_error_list_free(errs);
    oa_scenario_free(sc);
    oa_result_free(res);
    oa_result_free(start);
    return rc == OA_OK ? 0 : 10;
}

/* ---- the summary ---- */

typedef struct found {
    char name[256];
    oa_result *r;
    char *err;
} found;

static int cmp_found(const void *a, const void *b)
{
    const found *x = a, *y = b;
    int bx = strcmp(x->name, "base") == 0, by = strcmp(y->name, "base") == 0;
    if (bx != by)
        return by - bx;
    return strcmp(x->name, y->name);
}

/* Collects the results (NAME.xml with NAME.key) and failures (NAME.err) of
 * the directories, the first of each name winning; only the names of
 * runs when runs is not NULL (a batch's summary holds its own runs). */
static int collect(found **out, size_t *n, char **dirs, int ndirs,
                   const run *runs, int nruns)
{
    found *v = NULL;
    size_t cnt = 0, cap = 0, k;
    int d;
    for (d = 0; d < ndirs; d++) {
        DIR *dp = opendir(dirs[d]);
        struct dirent *e;
        if (dp == NULL) {
            fprintf(stderr, "%s: %s: %s\n", progname, dirs[d],
                    strerror(errno));
            free(v);
            return -1;
        }
        while ((e = readdir(dp)) != NULL) {
            const char *nm = e->d_name;
            size_t len = strlen(nm);
            int is_err = len > 4 && strcmp(nm + len - 4, ".err") == 0;
            int is_key = len > 4 && strcmp(nm + len - 4, ".key") == 0;
            char p[4096], base[256];
            found f;
            if (!is_err && !is_key)
                continue;
            if (len - 4 >= sizeof base)
                continue;
            memcpy(base, nm, len - 4);
            base[len - 4] = '\0';
            if (runs) {
                int q;
                for (q = 0; q < nruns && strcmp(runs[q].name, base) != 0; q++)
                    ;
                if (q == nruns)
                    continue;
            }
            for (k = 0; k < cnt && strcmp(v[k].name, base) != 0; k++)
                ;
            if (k < cnt) {
                /* a result wins over a failure of the same name */
                if (is_key && v[k].r == NULL && v[k].err) {
                    path_of(p, sizeof p, dirs[d], base, ".xml");
                    if (oa_result_read_file(&v[k].r, p, NULL) == OA_OK) {
                        oa_free(v[k].err);
                        v[k].err = NULL;
                    }
                }
                continue;
            }
            memset(&f, 0, sizeof f);
            strcpy(f.name, base);
            if (is_key) {
                path_of(p, sizeof p, dirs[d], base, ".xml");
                if (oa_result_read_file(&f.r, p, NULL) != OA_OK)
                    continue;
            } else {
                path_of(p, sizeof p, dirs[d], base, ".err");
                f.err = read_all(p, NULL);
                if (f.err == NULL)
                    continue;
            }
            if (cnt == cap) {
                found *t = realloc(v, (cap = cap * 2 + 16) * sizeof *v);
                if (t == NULL) {
                    closedir(dp);
                    oa_result_free(f.r);
                    oa_free(f.err);
                    return -1;
                }
                v = t;
            }
            v[cnt++] = f;
        }
        closedir(dp);
    }
    if (cnt > 1)
        qsort(v, cnt, sizeof *v, cmp_found);
    *out = v;
    *n = cnt;
    return 0;
}

/* Writes OUT/summary.csv, summary.xml and summary.xlsx from the runs found in
 * dirs: the base first, then the others by name. */
static int summarize(const char *out_dir, char **dirs, int ndirs,
                     const run *runs, int nruns)
{
    found *v = NULL;
    size_t n = 0, k, first = 0;
    oa_comparison *cmp = NULL;
    oa_error err;
    char p[4096];
    int rc;
    if (collect(&v, &n, dirs, ndirs, runs, nruns) != 0)
        return -1;
    if (n > 0 && strcmp(v[0].name, "base") == 0) {
        rc = v[0].r ? oa_comparison_new(&cmp, "base", v[0].r)
                    : oa_comparison_new(&cmp, "base", NULL);
        first = 1;
    } else {
        rc = oa_comparison_new(&cmp, "base", NULL);
    }
    for (k = first; k < n && rc == OA_OK; k++) {
        if (v[k].r)
            rc = oa_comparison_add(cmp, v[k].name, v[k].r);
        else {
            /* the message's first line */
            char *nl = strchr(v[k].err, '\n');
            if (nl)
                *nl = '\0';
            rc = oa_comparison_add_failed(cmp, v[k].name, v[k].err);
        }
    }
    if (rc == OA_OK) {
        path_of(p, sizeof p, out_dir, "summary", ".csv");
        rc = oa_comparison_save(cmp, p, OA_FORMAT_CSV, &err);
    }
    if (rc == OA_OK) {
        path_of(p, sizeof p, out_dir, "summary", ".xml");
        rc = oa_comparison_save(cmp, p, OA_FORMAT_XML, &err);
    }
    if (rc == OA_OK) {
        path_of(p, sizeof p, out_dir, "summary", ".xlsx");
        rc = oa_comparison_save(cmp, p, OA_FORMAT_XLSX, &err);
    }
    if (rc != OA_OK)
        print_error(&err);
    oa_comparison_free(cmp);
    for (k = 0; k < n; k++) {
        oa_result_free(v[k].r);
        oa_free(v[k].err);
    }
    free(v);
    return rc == OA_OK ? 0 : -1;
}

/* ---- progress ---- */

static void progress(int tty, int done, int total, double t0, const run *r,
                     int failed)
{
    double el = now() - t0;
    if (tty) {
        int w = 30, k, fill = total ? done * w / total : w;
        double eta = done ? el / done * (total - done) : 0;
        fprintf(stderr, "\r[");
        for (k = 0; k < w; k++)
            fputc(k < fill ? '#' : '.', stderr);
        fprintf(stderr, "] %d/%d  elapsed %d:%02d", done, total,
                (int)el / 60, (int)el % 60);
        if (done && done < total)
            fprintf(stderr, "  ETA %d:%02d ", (int)eta / 60, (int)eta % 60);
        else
            fprintf(stderr, "           ");
        if (done == total)
            fputc('\n', stderr);
    } else if (r) {
        fprintf(stderr, "%d/%d %s: %s (%.1f s)\n", done, total, r->name,
                failed ? "failed" : "done", el);
    }
    fflush(stderr);
}

/* ---- opsalign batch ---- */

/* SIGINT or SIGTERM to the batch: no new run starts, the running ones are
 * stopped, the finished ones stay and the summary says what there is. */
static volatile sig_atomic_t batch_signal;

static void on_batch_signal(int sig)
{
    batch_signal = sig;
}

int cmd_batch(int argc, char **argv)
{
    oa_solve_opts opts = OA_SOLVE_OPTS_INIT;
    const char *path = NULL, *dir = NULL;
    run *runs = NULL;
    int nruns = 0, i, jobs = 1, shard_k = 1, shard_n = 1, status = EXIT_SOLVED;
    int total = 0, done = 0, failed = 0, fresh = 0, running = 0, next = 0;
    int tty = isatty(2);
    char *plan_bytes = NULL, namebuf[256];
    size_t plan_size = 0;
    oa_plan *plan;
    double t0;
    int lock_fd = -1, c;
    cli_parser P;
    pid_t parent;
    /* The first SIGINT or SIGTERM stops the batch in order (a second ends
     * it at once); workers end at once on either: an interrupted run is
     * not a result. */
    cli_catch_signals(on_batch_signal);
    runs = calloc((size_t)argc + 1, sizeof *runs);
    if (runs == NULL)
        return EXIT_INTERNAL;
    runs[nruns++].name = "base";
    cli_start(&P, &cli_batch, argc, argv);
    while ((c = cli_next(&P)) != CLI_END) {
        double v;
        switch (c) {
        case K_OUTPUT: dir = P.arg; break;
        case K_JOBS:
            if (parse_number(P.opt, P.arg, &v))
                goto bad;
            if (v < 1 || v > 256 || v != (int)v) {
                cli_usage_error(&cli_batch, "--jobs takes a whole number "
                                "from 1 to 256, not '%s'", P.arg);
                goto bad;
            }
            jobs = (int)v;
            break;
        case K_SHARD:
            if (sscanf(P.arg, "%d/%d", &shard_k, &shard_n) != 2 ||
                shard_n < 1 || shard_k < 1 || shard_k > shard_n) {
                cli_usage_error(&cli_batch, "--shard takes K/N with 1 <= K "
                                "<= N, not '%s'", P.arg);
                goto bad;
            }
            break;
        case K_TIME_LIMIT:
        case K_WORK_LIMIT:
            if (parse_number(P.opt, P.arg, c == K_TIME_LIMIT
                                               ? &opts.time_limit
                                               : &opts.work_limit))
                goto bad;
            break;
        case K_GAP:
            if (parse_gap(P.opt, P.arg, &opts.gap))
                goto bad;
            break;
        case K_MAX_NONZEROS:
            if (parse_number(P.opt, P.arg, &v))
                goto bad;
            opts.max_nonzeros = v < 1 ? SIZE_MAX : (size_t)v;
            break;
        default:
            free(runs);
            return c == CLI_SHOWN_HELP ? EXIT_SOLVED : EXIT_INPUT;
        }
    }
    for (i = P.operand; i < argc; i++) {
        const char *a = argv[i];
        if (path == NULL) {
            path = a;
        } else {
            int k;
            stem(namebuf, sizeof namebuf, a);
            if (strcmp(namebuf, "summary") == 0 || namebuf[0] == '.' ||
                namebuf[0] == '\0') {
                fprintf(stderr, "%s batch: %s: a scenario may not be named "
                        "'%s' (the batch writes %s/summary.csv, .xml and "
                        ".xlsx itself; rename the file)\n", progname,
                        a, namebuf, dir ? dir : "DIR");
                free(runs);
                return EXIT_INPUT;
            }
            for (k = 0; k < nruns; k++)
                if (strcmp(runs[k].name, namebuf) == 0) {
                    fprintf(stderr, "%s batch: two runs named '%s' (%s)\n",
                            progname, namebuf, a);
                    free(runs);
                    return EXIT_INPUT;
                }
            runs[nruns].name = strdup(namebuf);
            runs[nruns].scenario = a;
            if (runs[nruns].name == NULL) {
                free(runs);
                return EXIT_INTERNAL;
            }
            nruns++;
        }
    }
    if (path == NULL) {
        cli_usage_error(&cli_batch, "no plan");
        goto bad;
    }
    if (dir == NULL) {
        cli_usage_error(&cli_batch, "where to? (-o DIR)");
        goto bad;
    }
    plan = load_plan(path, &status);
    if (plan == NULL)
        goto out;
    plan_bytes = read_all(path, &plan_size);
    if (plan_bytes == NULL || (mkdir(dir, 0777) != 0 && errno != EEXIST)) {
        fprintf(stderr, "%s batch: %s: %s\n", progname,
                plan_bytes ? dir : path, strerror(errno));
        oa_plan_free(plan);
        status = EXIT_INPUT;
        goto out;
    }
    /* One batch at a time in a directory. */
    {
        char lp[4096];
        path_of(lp, sizeof lp, dir, ".lock", "");
        lock_fd = open(lp, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
        if (lock_fd < 0 || flock(lock_fd, LOCK_EX | LOCK_NB) != 0) {
            fprintf(stderr, "%s batch: %s: %s\n", progname, dir,
                    lock_fd < 0 ? strerror(errno)
                                : "another batch is writing this directory "
                                  "(it holds .lock); wait for it or use "
                                  "another -o");
            oa_plan_free(plan);
            status = EXIT_INPUT;
            goto out;
        }
    }
    /* What each run is computed from: the plan, its scenario, the
     * options, the library. */
    for (i = 0; i < nruns; i++) {
        uint64_t h = 14695981039346656037ULL;
        h = fnv(h, "opsalign-batch-2", 16);
        /* another library may solve otherwise */
        h = fnv(h, oa_version(), strlen(oa_version()));
        h = fnv(h, plan_bytes, plan_size);
        if (runs[i].scenario) {
            size_t n = 0;
            char *s = read_all(runs[i].scenario, &n);
            if (s == NULL) {
                fprintf(stderr, "%s batch: %s: %s\n", progname,
                        runs[i].scenario, strerror(errno));
                status = EXIT_INPUT;
                break;
            }
            h = fnv(h, s, n);
            oa_free(s);
        }
        h = fnv(h, &opts.time_limit, sizeof opts.time_limit);
        h = fnv(h, &opts.gap, sizeof opts.gap);
        h = fnv(h, &opts.work_limit, sizeof opts.work_limit);
        h = fnv(h, &opts.max_nonzeros, sizeof opts.max_nonzeros);
        h = fnv(h, &opts.flags, sizeof opts.flags);
        snprintf(runs[i].key, sizeof runs[i].key, "%016llx",
                 (unsigned long long)h);
        runs[i].mine = i % shard_n == shard_k - 1;
        runs[i].todo = runs[i].mine && !up_to_date(dir, &runs[i]);
        runs[i].status = -1;
        total += runs[i].mine;
        fresh += runs[i].mine && !runs[i].todo;
    }
    if (status != EXIT_SOLVED) {
        oa_plan_free(plan);
        goto out;
    }
    fprintf(stderr, "%s batch: %d run(s) in this shard, %d up to date, %d "
            "to solve with %d process(es)\n", progname, total, fresh,
            total - fresh, jobs);
    done = fresh;
    t0 = now();
    parent = getpid();
    /* The base first when it is to be solved: the scenarios start from
     * its roadmap. */
    for (;;) {
        pid_t pid;
        int ws;
        while (running < jobs && next < nruns && !batch_signal) {
            if (!runs[next].todo) {
                next++;
                continue;
            }
            fflush(NULL);
            pid = fork();
            if (pid == 0) {
                signal(SIGINT, SIG_DFL);
                signal(SIGTERM, SIG_DFL);
                /* A worker dies with the batch: no results written after
                 * it is gone. */
#ifdef __linux__
                prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
                if (getppid() != parent)
                    _exit(11);
                _exit(child(dir, &runs[next], plan, &opts));
            }
            if (pid < 0) {
                fprintf(stderr, "%s batch: fork: %s\n", progname,
                        strerror(errno));
                status = EXIT_INTERNAL;
                break;
            }
            runs[next].pid = pid;
            running++;
            next++;
            if (next == 1)
                break; /* the base alone first */
        }
        if (running == 0)
            break;
        pid = wait(&ws);
        if (pid < 0 && errno == EINTR) {
            /* interrupted: the running workers are stopped */
            for (i = 0; i < nruns; i++)
                if (runs[i].pid > 0 && runs[i].status < 0)
                    kill(runs[i].pid, SIGTERM);
            continue;
        }
        if (pid < 0)
            break;
        for (i = 0; i < nruns; i++)
            if (runs[i].pid == pid) {
                int bad = !WIFEXITED(ws) || WEXITSTATUS(ws) != 0;
                running--;
                if (batch_signal && WIFSIGNALED(ws)) {
                    runs[i].status = 2; /* stopped: left for a rerun */
                    break;
                }
                runs[i].status = bad;
                done++;
                failed += bad;
                progress(tty, done, total, t0, &runs[i], bad);
                break;
            }
        if (batch_signal)
            for (i = 0; i < nruns; i++)
                if (runs[i].pid > 0 && runs[i].status < 0)
                    kill(runs[i].pid, SIGTERM);
    }
    if (batch_signal) {
        if (tty)
            fputc('\n', stderr);
        fprintf(stderr, "%s batch: interrupted: %d of %d run(s) finished; "
                "%d left, solved by running the same command again\n",
                progname, done, total, total - done);
    }
    if (tty && total == fresh)
        progress(tty, done, total, t0, NULL, 0);
    oa_plan_free(plan);
    {
        char *dirs[1];
        dirs[0] = (char *)dir;
        if (summarize(dir, dirs, 1, runs, nruns) != 0 &&
            status == EXIT_SOLVED)
            status = EXIT_INTERNAL;
    }
    if (failed) {
        fprintf(stderr, "%s batch: %d run(s) failed (see %s/*.err)\n",
                progname, failed, dir);
        if (status == EXIT_SOLVED)
            status = EXIT_INPUT;
    }
    if (batch_signal && status == EXIT_SOLVED)
        status = 128 + (int)batch_signal;
out:
    if (lock_fd >= 0)
        close(lock_fd); /* and with it the lock */
    oa_free(plan_bytes);
    for (i = 1; i < nruns; i++)
        free((char *)runs[i].name);
    free(runs);
    return status;
bad:
    for (i = 1; i < nruns; i++)
        free((char *)runs[i].name);
    free(runs);
    return EXIT_INPUT;
}

/* ---- opsalign merge ---- */

int cmd_merge(int argc, char **argv)
{
    const char *out = NULL;
    char **dirs;
    cli_parser P;
    int i, n = 0, c;
    cli_start(&P, &cli_merge, argc, argv);
    while ((c = cli_next(&P)) != CLI_END) {
        if (c != K_OUTPUT)
            return c == CLI_SHOWN_HELP ? EXIT_SOLVED : EXIT_INPUT;
        out = P.arg;
    }
    if (out == NULL)
        return cli_usage_error(&cli_merge, "where to? (-o DIR)");
    if (P.operand >= argc)
        return cli_usage_error(&cli_merge, "no batch folder to merge");
    dirs = calloc((size_t)argc + 1, sizeof *dirs);
    if (dirs == NULL)
        return EXIT_INTERNAL;
    for (i = P.operand; i < argc; i++)
        dirs[n++] = argv[i];
    if (mkdir(out, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "%s merge: %s: %s\n", progname, out, strerror(errno));
        free(dirs);
        return EXIT_INPUT;
    }
    i = summarize(out, dirs, n, NULL, 0);
    free(dirs);
    return i == 0 ? EXIT_SOLVED : EXIT_INPUT;
}
