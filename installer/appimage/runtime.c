/* The AppImage type 2 runtime of Just Logistics Station, written to the public AppImage type 2
 * specification: this ELF carries the magic 'A','I',0x02 at offset 8 and the squashfs image of the
 * AppDir follows it directly. Without options it mounts the image (FUSE) and runs AppRun. */
#define _GNU_SOURCE
#include "runtime.h"

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef RUNTIME_VERSION
#define RUNTIME_VERSION "unknown"
#endif

/* Sections the specification reserves for update information and a signature; kept empty. */
__attribute__((section(".upd_info"), used)) static char update_information[1024];
__attribute__((section(".sha256_sig"), used)) static char signature[1024];
__attribute__((section(".sig_key"), used)) static char signature_key[8192];

/* The image starts where the ELF ends: after the section header table or the last segment. */
static off_t elf_size(int fd) {
    unsigned char ident[EI_NIDENT];
    if (pread(fd, ident, sizeof ident, 0) != sizeof ident || memcmp(ident, ELFMAG, SELFMAG) != 0) return -1;
    off_t end = 0;
    if (ident[EI_CLASS] == ELFCLASS64) {
        Elf64_Ehdr header;
        if (pread(fd, &header, sizeof header, 0) != sizeof header) return -1;
        end = (off_t)(header.e_shoff + (Elf64_Off)header.e_shentsize * header.e_shnum);
        for (int i = 0; i < header.e_phnum; i++) {
            Elf64_Phdr segment;
            off_t at = (off_t)(header.e_phoff + (Elf64_Off)i * header.e_phentsize);
            if (pread(fd, &segment, sizeof segment, at) != sizeof segment) return -1;
            if ((off_t)(segment.p_offset + segment.p_filesz) > end) end = (off_t)(segment.p_offset + segment.p_filesz);
        }
    } else if (ident[EI_CLASS] == ELFCLASS32) {
        Elf32_Ehdr header;
        if (pread(fd, &header, sizeof header, 0) != sizeof header) return -1;
        end = (off_t)header.e_shoff + (off_t)header.e_shentsize * header.e_shnum;
        for (int i = 0; i < header.e_phnum; i++) {
            Elf32_Phdr segment;
            off_t at = (off_t)header.e_phoff + (off_t)i * header.e_phentsize;
            if (pread(fd, &segment, sizeof segment, at) != sizeof segment) return -1;
            if ((off_t)segment.p_offset + (off_t)segment.p_filesz > end) end = (off_t)segment.p_offset + segment.p_filesz;
        }
    } else {
        return -1;
    }
    return end;
}

void exec_apprun(const char *appdir, const char *image, const char *argv0, char **args) {
    char apprun[PATH_MAX], cwd[PATH_MAX];
    snprintf(apprun, sizeof apprun, "%s/AppRun", appdir);
    setenv("APPIMAGE", image, 1);
    setenv("APPDIR", appdir, 1);
    setenv("ARGV0", argv0, 1);
    if (getcwd(cwd, sizeof cwd)) setenv("OWD", cwd, 1);
    int count = 0;
    while (args[count]) count++;
    char **argv = calloc((size_t)count + 2, sizeof *argv);
    if (!argv) return;
    argv[0] = apprun;
    memcpy(argv + 1, args, (size_t)count * sizeof *argv);
    execv(apprun, argv);
    fprintf(stderr, "appimage: cannot run %s: %s\n", apprun, strerror(errno));
    free(argv);
}

static const char *temp_base(void) {
    const char *tmp = getenv("TMPDIR");
    return tmp && *tmp ? tmp : "/tmp";
}

/* Extracts to a fresh temporary directory, runs AppRun there and removes the directory afterwards
 * (kept when APPIMAGE_EXTRACT_AND_RUN_NO_CLEANUP is set, for debugging). */
static int extract_and_run(const char *image, off_t offset, char **args, const char *argv0) {
    char appdir[PATH_MAX];
    snprintf(appdir, sizeof appdir, "%s/appimage_extracted_XXXXXX", temp_base());
    if (!mkdtemp(appdir)) {
        fprintf(stderr, "appimage: cannot create a directory in %s: %s\n", temp_base(), strerror(errno));
        return 1;
    }
    int status = 127;
    if (extract_image(image, offset, appdir, NULL, 0) == 0) {
        pid_t child = fork();
        if (child == 0) {
            exec_apprun(appdir, image, argv0, args);
            _exit(127);
        }
        /* The terminal's Ctrl+C reaches the app; we stay to clean up after it. */
        signal(SIGINT, SIG_IGN);
        int wait_status = 0;
        if (child > 0 && waitpid(child, &wait_status, 0) == child) {
            status = WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : 128 + WTERMSIG(wait_status);
        }
    }
    if (!getenv("APPIMAGE_EXTRACT_AND_RUN_NO_CLEANUP")) remove_tree(appdir);
    return status;
}

static void usage(const char *argv0) {
    printf("AppImage type 2 runtime of Just Logistics Station.\n"
           "Usage: %s [--appimage-OPTION] [ARGUMENTS…]\n"
           "Without an option the image is mounted (FUSE) and AppRun runs with ARGUMENTS.\n\n"
           "  --appimage-extract [PATTERN]  write the files (matching PATTERN) into ./squashfs-root\n"
           "  --appimage-extract-and-run    extract to a temporary directory, run, clean up\n"
           "                                (the same as APPIMAGE_EXTRACT_AND_RUN=1; needs no FUSE)\n"
           "  --appimage-mount              mount, print the mount point, serve until interrupted\n"
           "  --appimage-offset             print the byte offset of the squashfs image\n"
           "  --appimage-version            print the runtime's version\n"
           "  --appimage-help               this text\n",
           argv0);
}

int main(int argc, char **argv) {
    char image[PATH_MAX];
    /* TARGET_APPIMAGE lets a developer run this runtime on another image, as the reference allows. */
    const char *target = getenv("TARGET_APPIMAGE");
    if (!realpath(target ? target : "/proc/self/exe", image)) {
        perror("appimage: cannot find the image");
        return 1;
    }
    int fd = open(image, O_RDONLY | O_CLOEXEC);
    off_t offset = fd < 0 ? -1 : elf_size(fd);
    if (fd >= 0) close(fd);
    if (offset <= 0) {
        fprintf(stderr, "appimage: %s is not an ELF file with an appended image\n", image);
        return 1;
    }
    const char *option = argc > 1 && strncmp(argv[1], "--appimage-", 11) == 0 ? argv[1] + 11 : NULL;
    const char *extract_env = getenv("APPIMAGE_EXTRACT_AND_RUN");
    if (!option) {
        if (extract_env && strcmp(extract_env, "1") == 0) return extract_and_run(image, offset, argv + 1, argv[0]);
        return mount_and_exec(image, offset, argv + 1, argv[0]);
    }
    if (strcmp(option, "offset") == 0) {
        printf("%lld\n", (long long)offset);
        return 0;
    }
    if (strcmp(option, "version") == 0) {
        printf("Version: %s\n", RUNTIME_VERSION);
        return 0;
    }
    if (strcmp(option, "help") == 0) {
        usage(argv[0]);
        return 0;
    }
    if (strcmp(option, "extract") == 0) {
        return extract_image(image, offset, "squashfs-root", argc > 2 ? argv[2] : NULL, 1) == 0 ? 0 : 1;
    }
    if (strcmp(option, "extract-and-run") == 0) return extract_and_run(image, offset, argv + 2, argv[0]);
    if (strcmp(option, "mount") == 0) return mount_and_exec(image, offset, NULL, argv[0]);
    if (strcmp(option, "updateinformation") == 0) {
        printf("%s\n", update_information);
        return 0;
    }
    if (strcmp(option, "signature") == 0) {
        printf("%s\n", signature);
        return 0;
    }
    fprintf(stderr, "appimage: unknown option --appimage-%s (see --appimage-help)\n", option);
    return 1;
}
