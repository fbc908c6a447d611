#!/bin/sh
# The public header compiles on its own, pedantic, as C11 and C99, and
# as C++ when a C++ compiler is there.
. "$TOP_SRCDIR/tests/lib.sh"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/t.c" <<'EOT'
#include <opsalign.h>
int main(void)
{
    oa_plan *p = NULL;
    oa_read_opts opts = OA_READ_OPTS_INIT;
    (void)opts;
#if OA_VERSION_NUMBER < 1
#error bad version number
#endif
    if (oa_plan_new(&p) != OA_OK)
        return 1;
    oa_plan_free(p);
    return 0;
}
EOT
for std in c11 c99; do
    ${CC:-cc} -std=$std -Wall -Wextra -pedantic -Werror \
        -I"$TOP_SRCDIR/include" -I"$TOP_BUILDDIR/include" -c "$tmp/t.c" -o "$tmp/t.o"
    t_check "header compiles as $std" [ $? -eq 0 ]
done
if command -v c++ >/dev/null 2>&1; then
    cp "$tmp/t.c" "$tmp/t.cc"
    c++ -Wall -Wextra -pedantic -Werror -I"$TOP_SRCDIR/include" \
        -I"$TOP_BUILDDIR/include" -c "$tmp/t.cc" -o "$tmp/t2.o"
    t_check "header compiles as C++" [ $? -eq 0 ]
fi
t_done
