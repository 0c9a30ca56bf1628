/* Reading the squashfs image without FUSE: --appimage-extract and extract-and-run.
 * Uses libsquashfuse's library API (sqfs_open_image, sqfs_traverse, sqfs_read_range). */
#define _GNU_SOURCE
/* squashfuse's config.h sets _POSIX_C_SOURCE unguarded: it must come before any system header. */
#include <squashfuse.h>
#include "runtime.h"

#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>


/* mkdir -p for the parents of PATH (PATH itself is not created). */
static int make_parents(char *path) {
    for (char *slash = strchr(path + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
        *slash = '\0';
        int failed = mkdir(path, 0755) != 0 && errno != EEXIST;
        *slash = '/';
        if (failed) {
            fprintf(stderr, "appimage: cannot create directory for %s: %s\n", path, strerror(errno));
            return -1;
        }
    }
    return 0;
}

static int write_regular(sqfs *fs, sqfs_inode *inode, const char *target) {
    unlink(target); /* a read-only file from an earlier extraction would refuse O_TRUNC */
    int fd = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        fprintf(stderr, "appimage: cannot write %s: %s\n", target, strerror(errno));
        return -1;
    }
    static char buffer[1 << 16];
    uint64_t size = inode->xtra.reg.file_size;
    for (uint64_t done = 0; done < size;) {
        sqfs_off_t chunk = sizeof buffer;
        if (size - done < (uint64_t)chunk) chunk = (sqfs_off_t)(size - done);
        if (sqfs_read_range(fs, inode, (sqfs_off_t)done, &chunk, buffer) != SQFS_OK || chunk <= 0) {
            fprintf(stderr, "appimage: cannot read %s from the image\n", target);
            close(fd);
            return -1;
        }
        if (write(fd, buffer, (size_t)chunk) != chunk) {
            fprintf(stderr, "appimage: cannot write %s: %s\n", target, strerror(errno));
            close(fd);
            return -1;
        }
        done += (uint64_t)chunk;
    }
    fchmod(fd, inode->base.mode & 07777);
    return close(fd);
}

static int write_symlink(sqfs *fs, sqfs_inode *inode, const char *target) {
    size_t size = 0;
    if (sqfs_readlink(fs, inode, NULL, &size) != SQFS_OK) return -1;
    char *link = malloc(size + 1);
    if (!link || sqfs_readlink(fs, inode, link, &size) != SQFS_OK) {
        free(link);
        return -1;
    }
    unlink(target);
    int result = symlink(link, target);
    if (result != 0) fprintf(stderr, "appimage: cannot link %s: %s\n", target, strerror(errno));
    free(link);
    return result;
}

static int extract_entry(sqfs *fs, const char *relative, sqfs_inode_id id, const char *dest) {
    char target[PATH_MAX];
    if (snprintf(target, sizeof target, "%s/%s", dest, relative) >= (int)sizeof target) return -1;
    if (make_parents(target) != 0) return -1;
    sqfs_inode inode;
    if (sqfs_inode_get(fs, &inode, id) != SQFS_OK) return -1;
    switch (inode.base.inode_type) {
    case SQUASHFS_DIR_TYPE:
    case SQUASHFS_LDIR_TYPE:
        /* The owner keeps write access so that the directory's own files can still be written. */
        if (mkdir(target, 0700 | (inode.base.mode & 07777)) != 0 && errno != EEXIST) return -1;
        return 0;
    case SQUASHFS_REG_TYPE:
    case SQUASHFS_LREG_TYPE:
        return write_regular(fs, &inode, target);
    case SQUASHFS_SYMLINK_TYPE:
    case SQUASHFS_LSYMLINK_TYPE:
        return write_symlink(fs, &inode, target);
    default:
        fprintf(stderr, "appimage: skipping %s (devices, fifos and sockets are not extracted)\n", relative);
        return 0;
    }
}

int extract_image(const char *image, off_t offset, const char *dest, const char *pattern, int verbose) {
    sqfs fs;
    if (sqfs_open_image(&fs, image, (size_t)offset) != SQFS_OK) {
        fprintf(stderr, "appimage: %s has no readable squashfs image at offset %lld\n", image,
                (long long)offset);
        return -1;
    }
    if (mkdir(dest, 0755) != 0 && errno != EEXIST) {
        fprintf(stderr, "appimage: cannot create %s: %s\n", dest, strerror(errno));
        sqfs_destroy(&fs);
        return -1;
    }
    sqfs_traverse traversal;
    sqfs_err err = sqfs_traverse_open(&traversal, &fs, sqfs_inode_root(&fs));
    int result = err == SQFS_OK ? 0 : -1;
    while (result == 0 && sqfs_traverse_next(&traversal, &err)) {
        if (traversal.dir_end) continue;
        /* Like the reference runtime: a pattern selects paths (and everything below a matched one). */
        if (pattern && fnmatch(pattern, traversal.path, FNM_PATHNAME | FNM_LEADING_DIR) != 0) continue;
        if (verbose) printf("%s/%s\n", dest, traversal.path);
        if (extract_entry(&fs, traversal.path, traversal.entry.inode, dest) != 0) result = -1;
    }
    if (err != SQFS_OK) result = -1;
    sqfs_traverse_close(&traversal);
    sqfs_destroy(&fs);
    if (result != 0) fprintf(stderr, "appimage: extracting %s into %s failed\n", image, dest);
    return result;
}

static int remove_one(const char *path, const struct stat *st, int type, struct FTW *ftw) {
    (void)st, (void)ftw;
    return type == FTW_DP ? rmdir(path) : unlink(path);
}

int remove_tree(const char *path) {
    return nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}
