#include "testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *tu_path(const char *rel)
{
    static char buf[4096];
    const char *dir = getenv("TOP_SRCDIR");
    if (dir)
        snprintf(buf, sizeof buf, "%s/tests/%s", dir, rel);
    else
        snprintf(buf, sizeof buf, "%s/%s", TESTS_SRCDIR, rel);
    return buf;
}

const char *tu_top(const char *rel)
{
    static char buf[4096];
    const char *dir = getenv("TOP_SRCDIR");
    if (dir)
        snprintf(buf, sizeof buf, "%s/%s", dir, rel);
    else
        snprintf(buf, sizeof buf, "%s/../%s", TESTS_SRCDIR, rel);
    return buf;
}

int tu_read(oa_plan **out, const char *xml, oa_error_list *list)
{
    return oa_plan_read_memory(out, xml, strlen(xml), "test.xml", NULL, NULL,
                               list);
}

char *tu_slurp(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;
    if (f == NULL)
        return NULL;
    if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
        fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        return NULL;
    }
    buf = malloc((size_t)n + 1);
    if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        fclose(f);
        return NULL;
    }
    buf[n] = '\0';
    fclose(f);
    if (size)
        *size = (size_t)n;
    return buf;
}

int tu_run(Suite *s)
{
    SRunner *sr = srunner_create(s);
    int failed;
    srunner_run_all(sr, CK_ENV);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? 0 : 1;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int tu_list(char ***names, const char *rel_dir, const char *ext)
{
    DIR *d = opendir(tu_path(rel_dir));
    struct dirent *e;
    size_t el = strlen(ext);
    int n = 0, cap = 0;
    *names = NULL;
    if (d == NULL)
        return 0;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len <= el || strcmp(e->d_name + len - el, ext) != 0)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            *names = realloc(*names, (size_t)cap * sizeof **names);
        }
        (*names)[n] = malloc(len - el + 1);
        memcpy((*names)[n], e->d_name, len - el);
        (*names)[n][len - el] = '\0';
        n++;
    }
    closedir(d);
    if (n)
        qsort(*names, (size_t)n, sizeof **names, cmp_str);
    return n;
}

void tu_list_free(char **names, int n)
{
    int i;
    for (i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

oa_plan *tu_read_plan(const char *rel)
{
    oa_plan *p;
    oa_error err;
    ck_assert_msg(oa_plan_read_file(&p, tu_top(rel), NULL, &err, NULL) ==
                      OA_OK,
                  "%s: %s", rel, err.text);
    return p;
}

long tu_alloc_left;

void *tu_failing_malloc(size_t n)
{
    if (tu_alloc_left-- == 0)
        return NULL;
    return malloc(n);
}

void *tu_failing_realloc(void *p, size_t n)
{
    if (tu_alloc_left-- == 0)
        return NULL;
    return realloc(p, n);
}
