/*
 * Runs a fuzz target on saved inputs without libFuzzer:
 *   fuzz/replay_plan FILE...   (likewise replay_api, _result, _scenario)
 * Each file is read whole and handed to LLVMFuzzerTestOneInput() once.
 * The test suite runs it on fuzz/regress/ (under ASan/UBSan in the
 * sanitizer build): an input that once crashed must stay harmless.
 */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"

static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    unsigned char *buf = NULL;
    size_t n = 0, cap = 0, got;

    if (f == NULL) {
        fprintf(stderr, "%s: cannot open\n", path);
        return 1;
    }
    do {
        if (n == cap) {
            unsigned char *nb;
            cap = cap ? 2 * cap : 65536;
            nb = realloc(buf, cap);
            if (nb == NULL) {
                free(buf);
                fclose(f);
                fprintf(stderr, "%s: out of memory\n", path);
                return 1;
            }
            buf = nb;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while (got > 0);
    if (ferror(f)) {
        free(buf);
        fclose(f);
        fprintf(stderr, "%s: read error\n", path);
        return 1;
    }
    fclose(f);
    LLVMFuzzerTestOneInput(buf, n);
    free(buf);
    return 0;
}

int main(int argc, char **argv)
{
    int i, bad = 0;
    for (i = 1; i < argc; i++)
        bad |= run_file(argv[i]);
    printf("%d input(s) replayed\n", argc - 1);
    return bad;
}
