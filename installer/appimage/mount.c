/* Running from the mounted image: a child process serves the squashfs image over FUSE
 * (libsquashfuse's low-level operations, libfuse3) while this process becomes AppRun. The child
 * unmounts when the keepalive pipe closes, i.e. when the app and everything it started have exited. */
#define _GNU_SOURCE
/* squashfuse's config.h sets _POSIX_C_SOURCE unguarded: it must come before any system header. */
#include <ll.h>
#include "runtime.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>


static void fill_operations(struct fuse_lowlevel_ops *ops) {
    memset(ops, 0, sizeof *ops);
    ops->getattr = sqfs_ll_op_getattr;
    ops->opendir = sqfs_ll_op_opendir;
    ops->releasedir = sqfs_ll_op_releasedir;
    ops->readdir = sqfs_ll_op_readdir;
    ops->lookup = sqfs_ll_op_lookup;
    ops->open = sqfs_ll_op_open;
    ops->create = sqfs_ll_op_create;
    ops->release = sqfs_ll_op_release;
    ops->read = sqfs_ll_op_read;
    ops->readlink = sqfs_ll_op_readlink;
    ops->listxattr = sqfs_ll_op_listxattr;
    ops->getxattr = sqfs_ll_op_getxattr;
    ops->forget = sqfs_ll_op_forget;
    ops->statfs = stfs_ll_op_statfs;
}

/* Mounts and tells READY ('1' mounted, '0' failed), then serves until KEEPALIVE closes. */
static int serve(const char *image, off_t offset, const char *mountpoint, int keepalive, int ready) {
    sqfs_ll *ll = sqfs_ll_open(image, (size_t)offset);
    struct fuse_lowlevel_ops ops;
    fill_operations(&ops);
    struct fuse_args args = FUSE_ARGS_INIT(0, NULL);
    char options[PATH_MAX + 64];
    snprintf(options, sizeof options, "ro,nodev,nosuid,fsname=%s,subtype=appimage", image);
    fuse_opt_add_arg(&args, "appimage");
    fuse_opt_add_arg(&args, "-o");
    fuse_opt_add_arg(&args, options);
    sqfs_ll_chan channel = {0};
    if (!ll || sqfs_ll_mount(&channel, mountpoint, &args, &ops, sizeof ops, ll) != SQFS_OK) {
        if (write(ready, "0", 1) != 1) perror("appimage: mount status");
        return 1;
    }
    if (write(ready, "1", 1) != 1) perror("appimage: mount status");
    close(ready);

    struct fuse_buf buffer = {0};
    struct pollfd watched[2] = {{.fd = fuse_session_fd(channel.session), .events = POLLIN},
                                {.fd = keepalive, .events = POLLIN}};
    while (!fuse_session_exited(channel.session)) {
        if (poll(watched, 2, -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        if (watched[1].revents) break; /* EOF: the last holder of the write end has exited */
        if (!(watched[0].revents & POLLIN)) break;
        int received = fuse_session_receive_buf(channel.session, &buffer);
        if (received == -EINTR || received == -EAGAIN) continue;
        if (received <= 0) break;
        fuse_session_process_buf(channel.session, &buffer);
    }
    free(buffer.mem);
    sqfs_ll_unmount(&channel, mountpoint);
    fuse_opt_free_args(&args);
    return 0;
}

int mount_and_exec(const char *image, off_t offset, char **args, const char *argv0) {
    const char *tmp = getenv("TMPDIR");
    const char *base = strrchr(image, '/') ? strrchr(image, '/') + 1 : image;
    char mountpoint[PATH_MAX];
    snprintf(mountpoint, sizeof mountpoint, "%s/.mount_%.6sXXXXXX", tmp && *tmp ? tmp : "/tmp", base);
    int keepalive[2], ready[2];
    if (!mkdtemp(mountpoint) || pipe(keepalive) != 0 || pipe(ready) != 0) {
        perror("appimage: cannot prepare the mount point");
        return 1;
    }
    pid_t server = fork();
    if (server < 0) {
        perror("appimage: fork");
        return 1;
    }
    if (server == 0) {
        close(keepalive[1]);
        close(ready[0]);
        /* Interrupting the app must not take its files away underneath it. */
        signal(SIGINT, SIG_IGN);
        signal(SIGTERM, SIG_IGN);
        int status = serve(image, offset, mountpoint, keepalive[0], ready[1]);
        rmdir(mountpoint);
        _exit(status);
    }
    close(keepalive[0]);
    close(ready[1]);
    char mounted = '0';
    if (read(ready[0], &mounted, 1) != 1 || mounted != '1') {
        waitpid(server, NULL, 0);
        rmdir(mountpoint);
        fprintf(stderr,
                "appimage: cannot mount %s with FUSE (is fusermount3 installed and /dev/fuse usable?).\n"
                "Run it without FUSE: %s --appimage-extract-and-run, or set APPIMAGE_EXTRACT_AND_RUN=1.\n",
                image, argv0);
        return 1;
    }
    close(ready[0]);
    if (!args) {
        /* --appimage-mount: keep the write end open until we are interrupted. */
        printf("%s\n", mountpoint);
        fflush(stdout);
        pause();
        return 0;
    }
    exec_apprun(mountpoint, image, argv0, args);
    return 127;
}
