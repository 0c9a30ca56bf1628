/* The AppImage type 2 runtime of Just Logistics Station (shared declarations). */
#ifndef STATION_APPIMAGE_RUNTIME_H
#define STATION_APPIMAGE_RUNTIME_H

#include <sys/types.h>

/* Writes the image's files (those matching PATTERN, or all when NULL) under DEST. */
int extract_image(const char *image, off_t offset, const char *dest, const char *pattern, int verbose);

/* rm -rf PATH without following symlinks. */
int remove_tree(const char *path);

/* Mounts the image with FUSE and serves it until the app's keepalive pipe closes. */
int mount_and_exec(const char *image, off_t offset, char **args, const char *argv0);

/* Sets APPIMAGE, APPDIR, ARGV0, OWD and execs APPDIR/AppRun with ARGS; returns only on failure. */
void exec_apprun(const char *appdir, const char *image, const char *argv0, char **args);

#endif
