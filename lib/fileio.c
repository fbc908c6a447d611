/*
 * Atomic file writes: results and exported models go to a temporary file
 * beside the target (.NAME.PID.XXXXXX), are flushed to disk, then renamed
 * over it and the directory flushed, so a reader sees the old file or the
 * complete new one, never half a file, also after a crash.  Temporary
 * files of the same target left by writers that no longer run (a crash, a
 * kill -9) are removed by the next write.  A symlink is followed: its
 * target is replaced and the link stays.  A target that is not a regular
 * file (/dev/stdout, a pipe) is written in place: renaming over a device
 * would replace the device node.
 */
#include "fileio.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int write_all(int fd, const char *data, size_t size)
{
    while (size > 0) {
        ssize_t n = write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        data += n;
        size -= (size_t)n;
    }
    return 0;
}

/* The file to replace: a symlink's target, so the link survives. */
static char *resolve(const char *path)
{
    struct stat st;
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
        char *r = realpath(path, NULL);
        if (r) {
            char *d = oap_strdup(r);
            free(r);
            return d;
        }
    }
    return oap_strdup(path);
}

/*
 * Removes the temporary files of base (".BASE.PID.XXXXXX") in dir whose
 * writer no longer runs, and only those: a writer that runs keeps its
 * file, and nothing else in the directory is looked at twice.
 */
static void clean_leftovers(const char *dir, const char *base)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    size_t nb = strlen(base);
    if (d == NULL)
        return;
    while ((e = readdir(d)) != NULL) {
        const char *n = e->d_name, *p;
        char *end, full[PATH_MAX];
        long pid;
        struct stat st;
        if (n[0] != '.' || strncmp(n + 1, base, nb) != 0 || n[1 + nb] != '.')
            continue;
        p = n + 2 + nb;
        pid = strtol(p, &end, 10);
        if (end == p || *end != '.' || strlen(end + 1) != 6 || pid <= 0)
            continue;
        if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
            continue; /* its writer runs (or is not ours to judge) */
        if (snprintf(full, sizeof full, "%s/%s", dir, n) >= (int)sizeof full)
            continue;
        if (lstat(full, &st) == 0 && S_ISREG(st.st_mode) &&
            st.st_uid == geteuid())
            unlink(full);
    }
    closedir(d);
}

/* Flushes a directory's entries (a rename in it) to disk. */
static void sync_dir(const char *path)
{
    char *dir = oap_strdup(path), *slash;
    int fd;
    if (dir == NULL)
        return;
    slash = strrchr(dir, '/');
    if (slash == NULL)
        strcpy(dir, ".");
    else if (slash == dir)
        dir[1] = '\0';
    else
        *slash = '\0';
    fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    oap_free(dir);
}

int oap_atomic_begin(oap_atomic *a, const char *path, oa_error *err)
{
    struct stat st;
    char *slash;
    size_t n;
    mode_t mask;
    memset(a, 0, sizeof *a);
    a->fd = -1;
    a->path = resolve(path);
    if (a->path == NULL)
        return OA_ENOMEM;
    if (stat(a->path, &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode)) {
            oap_error_set(err, OA_EIO, path, -1, "is a directory");
            oap_free(a->path);
            a->path = NULL;
            return OA_EIO;
        }
        a->in_place = 1;
        a->fd = open(a->path, O_WRONLY | O_CLOEXEC);
        if (a->fd < 0) {
            oap_error_set(err, OA_EIO, path, -1, "cannot open: %s",
                          strerror(errno));
            oap_free(a->path);
            a->path = NULL;
            return OA_EIO;
        }
        return OA_OK;
    }
    n = strlen(a->path);
    a->tmp = oap_malloc(n + 48);
    if (a->tmp == NULL) {
        oap_free(a->path);
        a->path = NULL;
        return OA_ENOMEM;
    }
    slash = strrchr(a->path, '/');
    if (slash) {
        snprintf(a->tmp, n + 48, "%.*s", (int)(slash - a->path), a->path);
        clean_leftovers(slash == a->path ? "/" : a->tmp, slash + 1);
        snprintf(a->tmp, n + 48, "%.*s/.%s.%ld.XXXXXX",
                 (int)(slash - a->path), a->path, slash + 1, (long)getpid());
    } else {
        clean_leftovers(".", a->path);
        snprintf(a->tmp, n + 48, ".%s.%ld.XXXXXX", a->path, (long)getpid());
    }
    a->fd = mkstemp(a->tmp);
    if (a->fd < 0) {
        oap_error_set(err, OA_EIO, path, -1, "cannot create a file beside "
                      "it: %s", strerror(errno));
        oap_free(a->tmp);
        oap_free(a->path);
        a->tmp = a->path = NULL;
        return OA_EIO;
    }
    /* mkstemp makes the file private; give it the mode a new file or the
     * old one would have. */
    mask = umask(0);
    umask(mask);
    if (stat(a->path, &st) == 0)
        fchmod(a->fd, st.st_mode & 07777);
    else
        fchmod(a->fd, 0666 & ~mask);
    return OA_OK;
}

int oap_atomic_write(oap_atomic *a, const char *data, size_t size,
                     oa_error *err)
{
    if (write_all(a->fd, data, size) != 0) {
        oap_error_set(err, OA_EIO, a->path, -1, "cannot write: %s",
                      strerror(errno));
        return OA_EIO;
    }
    return OA_OK;
}

int oap_atomic_commit(oap_atomic *a, oa_error *err)
{
    int rc = OA_OK;
    if (a->in_place) {
        if (close(a->fd) != 0) {
            oap_error_set(err, OA_EIO, a->path, -1, "cannot write: %s",
                          strerror(errno));
            rc = OA_EIO;
        }
        a->fd = -1;
        oap_free(a->path);
        a->path = NULL;
        return rc;
    }
    if (fsync(a->fd) != 0 || close(a->fd) != 0) {
        oap_error_set(err, OA_EIO, a->path, -1, "cannot write: %s",
                      strerror(errno));
        a->fd = -1;
        oap_atomic_abort(a);
        return OA_EIO;
    }
    a->fd = -1;
    if (rename(a->tmp, a->path) != 0) {
        oap_error_set(err, OA_EIO, a->path, -1, "cannot replace: %s",
                      strerror(errno));
        oap_atomic_abort(a);
        return OA_EIO;
    }
    sync_dir(a->path);
    oap_free(a->tmp);
    oap_free(a->path);
    a->tmp = a->path = NULL;
    return OA_OK;
}

void oap_atomic_abort(oap_atomic *a)
{
    if (a->fd >= 0)
        close(a->fd);
    a->fd = -1;
    if (a->tmp)
        unlink(a->tmp);
    oap_free(a->tmp);
    oap_free(a->path);
    a->tmp = a->path = NULL;
}

int oap_write_file(const char *path, const char *data, size_t size,
                   oa_error *err)
{
    oap_atomic a;
    int rc = oap_atomic_begin(&a, path, err);
    if (rc != OA_OK)
        return rc;
    rc = oap_atomic_write(&a, data, size, err);
    if (rc != OA_OK) {
        oap_atomic_abort(&a);
        return rc;
    }
    return oap_atomic_commit(&a, err);
}

int oap_read_file(char **data, size_t *size, const char *path,
                  size_t max_bytes, oa_error *err)
{
    int fd;
    struct stat st;
    char *buf = NULL;
    size_t len = 0, cap = 0;
    *data = NULL;
    *size = 0;
    fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        oap_error_set(err, OA_EIO, path, -1, "cannot open: %s",
                      strerror(errno));
        return OA_EIO;
    }
    if (fstat(fd, &st) != 0) {
        oap_error_set(err, OA_EIO, path, -1, "cannot stat: %s",
                      strerror(errno));
        close(fd);
        return OA_EIO;
    }
    if (S_ISDIR(st.st_mode)) {
        oap_error_set(err, OA_EIO, path, -1, "is a directory");
        close(fd);
        return OA_EIO;
    }
    if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > max_bytes) {
        oap_error_set(err, OA_ELIMIT, path, -1, "file of %lld bytes is larger "
                      "than the limit of %zu bytes", (long long)st.st_size,
                      max_bytes);
        close(fd);
        return OA_ELIMIT;
    }
    for (;;) {
        ssize_t n;
        if (len == cap) {
            size_t want = cap ? cap * 2 : 65536;
            /* SIZE_MAX means no cap (max + 1 would wrap to 0). */
            if (max_bytes < SIZE_MAX && want > max_bytes + 1)
                want = max_bytes + 1;
            if (want <= len) {
                oap_error_set(err, OA_ELIMIT, path, -1, "file is larger than "
                              "the limit of %zu bytes", max_bytes);
                oap_free(buf);
                close(fd);
                return OA_ELIMIT;
            }
            if (oap_grow((void **)&buf, &cap, want, 1) != 0) {
                oap_free(buf);
                close(fd);
                oap_error_set(err, OA_ENOMEM, path, -1, "out of memory");
                return OA_ENOMEM;
            }
        }
        n = read(fd, buf + len, cap - len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            oap_error_set(err, OA_EIO, path, -1, "cannot read: %s",
                          strerror(errno));
            oap_free(buf);
            close(fd);
            return OA_EIO;
        }
        if (n == 0)
            break;
        len += (size_t)n;
        if (len > max_bytes) {
            oap_error_set(err, OA_ELIMIT, path, -1, "file is larger than the "
                          "limit of %zu bytes", max_bytes);
            oap_free(buf);
            close(fd);
            return OA_ELIMIT;
        }
    }
    close(fd);
    if (oap_grow((void **)&buf, &cap, len + 1, 1) != 0) {
        oap_free(buf);
        oap_error_set(err, OA_ENOMEM, path, -1, "out of memory");
        return OA_ENOMEM;
    }
    buf[len] = '\0';
    *data = buf;
    *size = len;
    return OA_OK;
}

int oap_buf_finish(char **out, size_t *size, oap_buf *b, int rc)
{
    if (rc == OA_OK && b->failed)
        rc = OA_ENOMEM;
    if (rc != OA_OK) {
        oap_buf_free(b);
        return rc;
    }
    if (size)
        *size = b->len;
    *out = oap_buf_steal(b);
    return *out ? OA_OK : OA_ENOMEM;
}

int oap_save_text(const char *path, char *data, size_t size, int rc,
                  oa_error *err)
{
    if (rc == OA_OK)
        rc = oap_write_file(path, data, size, err);
    oap_free(data);
    return rc;
}

OA_API int oa_file_save(const char *path, const void *data, size_t size,
                        oa_error *err)
{
    if (err)
        oa_error_clear(err);
    OAP_ARG(path && (data || size == 0));
    return oap_write_file(path, data ? (const char *)data : "", size, err);
}

OA_API int oa_file_load(char **data, size_t *size, const char *path,
                        size_t max_bytes, oa_error *err)
{
    size_t n = 0;
    int rc;
    if (data)
        *data = NULL;
    if (size)
        *size = 0;
    if (err)
        oa_error_clear(err);
    OAP_ARG(data && path);
    rc = oap_read_file(data, &n, path,
                       max_bytes ? max_bytes : (size_t)64 << 20, err);
    if (rc == OA_OK && size)
        *size = n;
    return rc;
}
