/*
 * mknap: an OR-Library 0/1 multidimensional knapsack problem as a plan
 * (plan XML on stdout), for the knapsack family of benchmarks/families.sh.
 *
 *   mknap FILE [--problem K] [--info | --count]
 *
 * FILE is mknap1.txt or mknap2.txt of OR-Library (told apart by their
 * content: mknap2.txt has "problem NAME.DAT" lines); K is 1-based (default
 * 1).  The formats (../shared/reference/README.md, sections 1a and 1b):
 *   mknap1: K, then per problem "n m opt", p(1..n), the rows r(1..m, 1..n),
 *           b(1..m): whitespace-separated numbers;
 *   mknap2: free text, then per problem "problem NAME.DAT", a line of '+',
 *           "m n", p(1..n), b(1..m), the rows A(1..m, 1..n), opt, a line
 *           of '+'.
 * The model is max p.x subject to A x <= b, x binary.
 *
 * The plan is the one tests/check_reference.c builds through the API: one
 * period (2027-01), one resource "money", one unit per constraint ("c1"..)
 * with capacity b_i, and one optional initiative per item ("p1"..) of one
 * period, value p_j, demanding r_ij of unit c_i (zeros left out).  Its
 * objective is then exactly p.x, so its optimum is the published one.
 *
 * --info prints one line instead of the plan: problem (name), items,
 * constraints, opt (the published optimum); --count prints the number of
 * problems in FILE.  Malformed input is reported as FILE:LINE: message,
 * exit status 1.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *in_path;
static FILE *in;
static int in_line = 1;  /* the line being read */
static int tok_line = 1; /* the line of the last token */

static void die(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "mknap: ");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n");
    exit(1);
}

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (p == NULL)
        die("out of memory");
    return p;
}

/* The next whitespace-separated token (at most n - 1 characters); 0 at the
 * end of the file.  in_line counts the lines read so far. */
static int token(char *buf, size_t n)
{
    int c;
    size_t k = 0;
    while ((c = getc(in)) != EOF && isspace(c))
        if (c == '\n')
            in_line++;
    if (c == EOF)
        return 0;
    tok_line = in_line;
    do {
        if (k + 1 >= n)
            die("%s:%d: token too long", in_path, in_line);
        buf[k++] = (char)c;
    } while ((c = getc(in)) != EOF && !isspace(c));
    if (c == '\n')
        ungetc(c, in);
    buf[k] = '\0';
    return 1;
}

static double number(const char *what)
{
    char buf[128], *end;
    double v;
    if (!token(buf, sizeof buf))
        die("%s:%d: the file ends before %s", in_path, tok_line, what);
    errno = 0;
    v = strtod(buf, &end);
    if (*end != '\0' || errno != 0 || !isfinite(v) || v < 0)
        die("%s:%d: expected %s, not \"%s\"", in_path, in_line, what, buf);
    return v;
}

static int whole(const char *what)
{
    double v = number(what);
    if (v != floor(v) || v < 1 || v > 1000000)
        die("%s:%d: expected %s (a whole number)", in_path, in_line, what);
    return (int)v;
}

/* One problem. */
static char name[64];
static int n, m;
static double opt, *p, *r, *b; /* r row-major, m x n */

static void alloc_problem(void)
{
    p = xcalloc((size_t)n, sizeof *p);
    r = xcalloc((size_t)n * (size_t)m, sizeof *r);
    b = xcalloc((size_t)m, sizeof *b);
}

static void free_problem(void)
{
    free(p);
    free(r);
    free(b);
    p = r = b = NULL;
}

/* mknap1: problem k (1-based) of count; reads up to it. */
static void read_mknap1(int k, int *count)
{
    int q, i;
    *count = whole("the number of problems");
    if (k > *count)
        return;
    for (q = 1; q <= k; q++) {
        free_problem();
        n = whole("the number of items");
        m = whole("the number of constraints");
        opt = number("the optimum");
        alloc_problem();
        for (i = 0; i < n; i++)
            p[i] = number("a profit");
        for (i = 0; i < n * m; i++)
            r[i] = number("a constraint coefficient");
        for (i = 0; i < m; i++)
            b[i] = number("a capacity");
    }
    snprintf(name, sizeof name, "mknap1-%d", k);
}

/* mknap2: problem k (1-based); counts them all in *count. */
static void read_mknap2(int k, int *count)
{
    char buf[128];
    int i;
    *count = 0;
    while (token(buf, sizeof buf)) {
        size_t len;
        if (strcmp(buf, "problem") != 0)
            continue;
        /* "problem NAME.DAT" (the word alone in the free text is not) */
        if (!token(buf, sizeof buf))
            break;
        len = strlen(buf);
        if (len < 5 || strcmp(buf + len - 4, ".DAT") != 0)
            continue;
        ++*count;
        if (*count != k)
            continue;
        snprintf(name, sizeof name, "%.*s", (int)strcspn(buf, "."), buf);
        if (!token(buf, sizeof buf) || buf[0] != '+')
            die("%s:%d: expected a line of '+' after the problem's name",
                in_path, in_line);
        m = whole("the number of constraints");
        n = whole("the number of items");
        alloc_problem();
        for (i = 0; i < n; i++)
            p[i] = number("an item's value");
        for (i = 0; i < m; i++)
            b[i] = number("a capacity");
        for (i = 0; i < n * m; i++)
            r[i] = number("a constraint coefficient");
        opt = number("the optimum");
        /* the last problem of the file may end without one */
        if (token(buf, sizeof buf) && buf[0] != '+')
            die("%s:%d: expected a line of '+' after the optimum", in_path,
                in_line);
    }
}

/* Shortest decimal text of a value rounded to at most 6 decimals. */
static const char *num(double v)
{
    static char buf[4][64];
    static int k;
    char *s = buf[k++ & 3], *e;
    snprintf(s, 64, "%.6f", v);
    e = s + strlen(s) - 1;
    while (*e == '0')
        *e-- = '\0';
    if (*e == '.')
        *e = '\0';
    return s;
}

static void write_plan(FILE *f, const char *file)
{
    int i, j;
    fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    fprintf(f, "<!--\n  OR-Library knapsack problem %s (%s) as a plan, from "
               "benchmarks/mknap (libopsalign):\n"
               "  %d items, %d constraints; published optimum %s.\n-->\n",
            name, file, n, m, num(opt));
    fprintf(f, "<plan version=\"1\" name=\"%s\">\n", name);
    fprintf(f, "  <horizon start=\"2027-01\" step=\"month\" periods=\"1\"/>\n");
    fprintf(f, "  <resources>\n    <resource id=\"money\" name=\"Money\"/>\n"
               "  </resources>\n  <units>\n");
    for (i = 0; i < m; i++)
        fprintf(f, "    <unit id=\"c%d\" name=\"Constraint %d\">\n"
                   "      <capacity resource=\"money\" value=\"%s\"/>\n"
                   "    </unit>\n",
                i + 1, i + 1, num(b[i]));
    fprintf(f, "  </units>\n  <initiatives>\n");
    for (j = 0; j < n; j++) {
        fprintf(f, "    <initiative id=\"p%d\" name=\"Project %d\" "
                   "duration=\"1\" value=\"%s\">\n",
                j + 1, j + 1, num(p[j]));
        for (i = 0; i < m; i++) {
            double v = r[(size_t)i * (size_t)n + (size_t)j];
            if (v != 0)
                fprintf(f, "      <demand unit=\"c%d\" resource=\"money\" "
                           "value=\"%s\"/>\n",
                        i + 1, num(v));
        }
        fprintf(f, "    </initiative>\n");
    }
    fprintf(f, "  </initiatives>\n</plan>\n");
}

static void usage(void)
{
    fprintf(stderr, "usage: mknap FILE [--problem K] [--info | --count]\n");
    exit(1);
}

int main(int argc, char **argv)
{
    const char *path = NULL;
    int k = 1, info = 0, count_only = 0, count = 0, a, two = 0;
    char head[4096];
    size_t got;

    for (a = 1; a < argc; a++) {
        if (strcmp(argv[a], "--problem") == 0 && a + 1 < argc) {
            char *end;
            long v = strtol(argv[++a], &end, 10);
            if (*end != '\0' || v < 1 || v > 100000)
                die("--problem: want a number from 1");
            k = (int)v;
        } else if (strcmp(argv[a], "--info") == 0)
            info = 1;
        else if (strcmp(argv[a], "--count") == 0)
            count_only = 1;
        else if (argv[a][0] == '-' || path)
            usage();
        else
            path = argv[a];
    }
    if (path == NULL)
        usage();
    in_path = path;
    in = fopen(path, "r");
    if (in == NULL)
        die("%s: %s", path, strerror(errno));
    /* mknap2 has "problem NAME.DAT" lines (and free text before them) */
    got = fread(head, 1, sizeof head - 1, in);
    head[got] = '\0';
    two = strstr(head, "problem ") != NULL || strstr(head, "OR-Library") != NULL;
    rewind(in);
    if (two)
        read_mknap2(count_only ? 0 : k, &count);
    else
        read_mknap1(count_only ? 1 : k, &count);
    if (ferror(in))
        die("%s: %s", path, strerror(errno));
    fclose(in);
    if (count_only) {
        printf("%d\n", count);
        return 0;
    }
    if (k > count || p == NULL)
        die("%s: no problem %d (the file has %d)", path, k, count);
    if (info) {
        printf("problem=%s items=%d constraints=%d opt=%s\n", name, n, m,
               num(opt));
        return 0;
    }
    {
        const char *s = strrchr(path, '/');
        write_plan(stdout, s ? s + 1 : path);
    }
    if (fflush(stdout) != 0 || ferror(stdout))
        die("cannot write the plan");
    free_problem();
    return 0;
}
