/* dyad.h — the public interface of libdyad: news articles in, political events out.
 *
 * One rule for ownership across the library: a function that returns a pointer
 * says in its comment who owns it; "borrowed" pointers stay valid until the
 * object they came from is reset or freed. Status codes are int: 0 is success,
 * negative values are DY_E* codes, and dy_strerror() names them. Teardown
 * functions take a pointer to the handle and set it to NULL. */
#ifndef DYAD_H
#define DYAD_H

#define DYAD_VERSION_MAJOR 0
#define DYAD_VERSION_MINOR 1
#define DYAD_VERSION_PATCH 0
#define DYAD_VERSION_STRING "0.1.0"

enum {
    DY_OK = 0,
    DY_ENOMEM = -1,   /* allocation failed */
    DY_EIO = -2,      /* read or write failed (errno has details) */
    DY_EPARSE = -3,   /* malformed input */
    DY_EUTF8 = -4,    /* invalid UTF-8 */
    DY_ERANGE = -5,   /* value or record too large */
    DY_EINVAL = -6,   /* invalid argument */
    DY_EDB = -7,      /* database error */
    DY_EFORMAT = -8,  /* unknown or unsupported format */
    DY_EEOF = -9,     /* end of input (not an error for readers) */
    DY_EDICT = -10,   /* dictionary error */
    DY_ENOTFOUND = -11
};

/* Static string naming a status code; never NULL. */
const char *dy_strerror(int code);

/* Library version string, e.g. "0.1.0". */
const char *dy_version(void);

#endif
