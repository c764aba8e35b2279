/* paths.c — where the executable finds its data: the default dictionaries
 * ($DYAD_DICT, else dict/default of the source tree the binary was built in
 * (BUILD/dyad -> ../dict/default), else the installed data directory) and
 * the gazetteer ($DYAD_GAZETTEER, else BUILD/gen/gazetteer.tsv beside the
 * binary, else the installed data directory). */
#include "commands.h"
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef DYAD_DATADIR
#define DYAD_DATADIR "/usr/local/share/dyad"
#endif

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static int is_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* Directory of the running executable into buf; 0 on failure. */
static int exe_dir(char *buf, size_t n)
{
    ssize_t len = readlink("/proc/self/exe", buf, n - 1);
    if (len <= 0) return 0;
    buf[len] = '\0';
    char *slash = strrchr(buf, '/');
    if (!slash) return 0;
    *slash = '\0';
    return 1;
}

const char *dy_cli_gazetteer(char *buf, size_t n)
{
    const char *env = getenv("DYAD_GAZETTEER");
    if (env) return *env ? env : NULL;   /* DYAD_GAZETTEER= disables it */
    char dir[PATH_MAX];
    if (exe_dir(dir, sizeof dir)) {
        static const char *const rel[] = {"/gen/gazetteer.tsv", "/../share/dyad/gazetteer.tsv"};
        for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
            if ((size_t)snprintf(buf, n, "%s%s", dir, rel[i]) < n && is_file(buf)) return buf;
        }
    }
    if ((size_t)snprintf(buf, n, "%s/gazetteer.tsv", DYAD_DATADIR) < n && is_file(buf)) return buf;
    return NULL;
}

const char *dy_cli_default_dict(char *buf, size_t n)
{
    const char *env = getenv("DYAD_DICT");
    if (env && *env) return env;
    char exe[PATH_MAX];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (len > 0) {
        exe[len] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            static const char *const rel[] = {"/../dict/default", "/../share/dyad/dict/default"};
            for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
                char tmp[PATH_MAX + 64];
                snprintf(tmp, sizeof tmp, "%s%s", exe, rel[i]);
                if (is_dir(tmp) && realpath(tmp, exe) && strlen(exe) < n) {
                    memcpy(buf, exe, strlen(exe) + 1);
                    return buf;
                }
            }
        }
    }
    if ((size_t)snprintf(buf, n, "%s/dict/default", DYAD_DATADIR) < n && is_dir(buf)) return buf;
    return NULL;
}
