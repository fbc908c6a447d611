/* Atomic file writes (fileio.c). */
#ifndef OA_FILEIO_H
#define OA_FILEIO_H

#include "private.h"

typedef struct oap_atomic {
    char *path;     /* the file to replace */
    char *tmp;      /* the temporary file beside it (NULL: in place) */
    int fd;
    int in_place;   /* not a regular file: written directly */
} oap_atomic;

/* Opens a temporary file beside path (or path itself if it is a device
 * or a pipe). */
int oap_atomic_begin(oap_atomic *a, const char *path, oa_error *err);
int oap_atomic_write(oap_atomic *a, const char *data, size_t size,
                     oa_error *err);
/* Flushes and renames over the target. */
int oap_atomic_commit(oap_atomic *a, oa_error *err);
/* Removes the temporary file; the target is untouched. */
void oap_atomic_abort(oap_atomic *a);
/* All of the above for a buffer. */
int oap_write_file(const char *path, const char *data, size_t size,
                   oa_error *err);

/*
 * Reads a whole file of at most max_bytes.  On success *data (freed with
 * oap_free) holds the bytes plus a NUL.  Errors go to err with the path.
 * Returns OA_OK, OA_EIO, OA_ELIMIT, OA_ENOMEM.
 */
int oap_read_file(char **data, size_t *size, const char *path,
                  size_t max_bytes, oa_error *err);

#endif
