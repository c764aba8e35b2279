/* cmd_serve.c — `dyad serve`: start the local web server (src/serve.c) over
 * a dyad SQLite database and wait for SIGINT/SIGTERM, then shut down
 * cleanly. The signals are blocked before the server's threads start and
 * taken with sigwait(), so no handler and no global flag are needed. */
#include "commands.h"
#include "dyad.h"
#include "serve.h"
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char serve_usage[] =
    "usage: dyad serve --db FILE [options]\n"
    "\n"
    "Serve a dyad SQLite database (written by 'dyad code --db FILE') on a local web\n"
    "page and a read-only JSON API. The database is opened read-only and may be\n"
    "written by 'dyad code' at the same time.\n"
    "\n"
    "      --db FILE          the database (required; FILE may also be given alone)\n"
    "      --listen ADDR:PORT address to bind (default 127.0.0.1:8080; '[::1]:8080'\n"
    "                         for IPv6; port 0 picks a free port). Binding anything\n"
    "                         but a loopback address exposes the data to the network.\n"
    "      --web DIR          folder with index.html, app.js, style.css (default: ./web,\n"
    "                         else web/ beside the build folder of the executable)\n"
    "      --api-only         serve the JSON API without the page\n"
    "  -j, --threads N        worker threads and database connections (default 4)\n"
    "  -q, --quiet            print only the URL line\n"
    "  -h, --help             this help\n"
    "\n"
    "API (GET; JSON; errors are {\"error\":\"...\"} with a 4xx/5xx status):\n"
    "  /api/events     events with sentence and spans; filters below, limit (1..1000,\n"
    "                  default 100), offset\n"
    "  /api/event/ID   one event with its sentence and article metadata\n"
    "  /api/timeline   counts per interval=day|week|month, count=events|reports\n"
    "  /api/dyad       source=X&target=Y: Goldstein mean and QuadClass counts per week\n"
    "  /api/actors     top actors (limit, default 50)\n"
    "  /api/network    top source->target dyads with count and mean Goldstein (limit)\n"
    "  /api/summary    counts and date range of the matching events\n"
    "  /api/codes      CAMEO code labels, Goldstein values, QuadClasses\n"
    "  filters: from, to (YYYY-MM-DD), actor (code or country, either side), source,\n"
    "           target, root (01..20), status, q (text in sentence or actor text)\n"
    "\n"
    "The first line on stdout is the URL served. SIGINT or SIGTERM stops the server\n"
    "after the requests in flight. Exit status: 0 ok, 1 cannot start, 2 usage error.\n";

/* "ADDR:PORT", "[V6]:PORT", ":PORT" or "PORT" into host (static or host_buf)
 * and port. 0 ok, -1 bad. */
static int parse_listen(const char *s, char *host_buf, size_t hsz, const char **host, unsigned *port)
{
    const char *colon, *p;
    char *end;
    unsigned long v;
    size_t n;

    *host = "127.0.0.1";
    if (s[0] == '[') {
        const char *close = strchr(s, ']');
        if (!close || close[1] != ':')
            return -1;
        n = (size_t)(close - s - 1);
        if (n == 0 || n >= hsz)
            return -1;
        memcpy(host_buf, s + 1, n);
        host_buf[n] = '\0';
        *host = host_buf;
        p = close + 2;
    } else if ((colon = strrchr(s, ':'))) {
        n = (size_t)(colon - s);
        if (n >= hsz)
            return -1;
        if (n) {
            memcpy(host_buf, s, n);
            host_buf[n] = '\0';
            *host = host_buf;
        }
        p = colon + 1;
    } else {
        p = s;
    }
    if (!*p)
        return -1;
    v = strtoul(p, &end, 10);
    if (*end || v > 65535 || *p == '-' || *p == '+')
        return -1;
    *port = (unsigned)v;
    return 0;
}

static int is_web_dir(const char *dir)
{
    char path[PATH_MAX];
    struct stat sb;
    if ((size_t)snprintf(path, sizeof path, "%s/index.html", dir) >= sizeof path)
        return 0;
    return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

/* ./web, else <exe dir>/../web (build/dyad in the source tree), else
 * <exe dir>/../share/dyad/web (installed). */
static const char *find_web_root(char *buf, size_t bufsz)
{
    char exe[PATH_MAX];
    ssize_t n;
    char *slash;
    if (is_web_dir("web"))
        return "web";
    n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return NULL;
    exe[n] = '\0';
    if (!(slash = strrchr(exe, '/')))
        return NULL;
    *slash = '\0';
    if ((size_t)snprintf(buf, bufsz, "%s/../web", exe) < bufsz && is_web_dir(buf))
        return buf;
    if ((size_t)snprintf(buf, bufsz, "%s/../share/dyad/web", exe) < bufsz && is_web_dir(buf))
        return buf;
    return NULL;
}

int dy_cmd_serve(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'D'},
        {"listen", required_argument, NULL, 'l'},
        {"web", required_argument, NULL, 'w'},
        {"api-only", no_argument, NULL, 'A'},
        {"threads", required_argument, NULL, 'j'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    dy_serve_opts o = {0};
    dy_serve *srv = NULL;
    char host_buf[64], web_buf[PATH_MAX], err[512];
    const char *listen_arg = "127.0.0.1:8080", *web = NULL;
    int quiet = 0, api_only = 0, c, sig = 0, rc;
    sigset_t set;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":j:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'D': o.db_path = optarg; break;
        case 'l': listen_arg = optarg; break;
        case 'w': web = optarg; break;
        case 'A': api_only = 1; break;
        case 'q': quiet = 1; break;
        case 'j': {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*end || v < 1 || v > 64) {
                fprintf(stderr, "dyad serve: bad --threads '%s' (want 1..64)\n", optarg);
                return 2;
            }
            o.threads = (unsigned)v;
            break;
        }
        case 'h': fputs(serve_usage, stdout); return 0;
        case ':':
            fprintf(stderr, "dyad serve: option '%s' needs a value\n%s", argv[optind - 1], serve_usage);
            return 2;
        default:
            fprintf(stderr, "dyad serve: unknown option '%s'\n%s", argv[optind - 1], serve_usage);
            return 2;
        }
    }
    if (optind < argc && !o.db_path)
        o.db_path = argv[optind++];
    if (optind < argc) {
        fprintf(stderr, "dyad serve: unexpected argument '%s'\n", argv[optind]);
        return 2;
    }
    if (!o.db_path) {
        fprintf(stderr, "dyad serve: --db FILE is required\n%s", serve_usage);
        return 2;
    }
    if (parse_listen(listen_arg, host_buf, sizeof host_buf, &o.host, &o.port) < 0) {
        fprintf(stderr, "dyad serve: bad --listen '%s' (want ADDR:PORT, e.g. 127.0.0.1:8080)\n", listen_arg);
        return 2;
    }
    if (access(o.db_path, R_OK) != 0) {
        fprintf(stderr, "dyad serve: cannot read database '%s' (create it with 'dyad code --db %s ...')\n",
                o.db_path, o.db_path);
        return 1;
    }
    if (!api_only) {
        if (web && !is_web_dir(web)) {
            fprintf(stderr, "dyad serve: --web '%s' has no index.html\n", web);
            return 2;
        }
        if (!web && !(web = find_web_root(web_buf, sizeof web_buf)) && !quiet)
            fprintf(stderr, "dyad serve: no web/ folder found (use --web DIR): serving the API only\n");
        o.web_root = web;
    }

    /* Block the stop signals in every thread (the server's threads inherit
     * this mask) and wait for them below. */
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);

    if ((rc = dy_serve_start(&srv, &o, err, sizeof err)) < 0) {
        fprintf(stderr, "dyad serve: %s\n", err);
        return 1;
    }
    if (strchr(o.host, ':'))
        printf("http://[%s]:%u/\n", o.host, dy_serve_port(srv));
    else
        printf("http://%s:%u/\n", o.host, dy_serve_port(srv));
    fflush(stdout);
    if (!quiet)
        fprintf(stderr, "dyad serve: database %s, %s; Ctrl-C stops\n", o.db_path,
                o.web_root ? "page and API" : "API only");

    if (sigwait(&set, &sig) != 0)
        sig = 0;
    if (!quiet)
        fprintf(stderr, "dyad serve: %s, stopping\n", sig == SIGTERM ? "SIGTERM" : "SIGINT");
    dy_serve_stop(&srv);
    return 0;
}
