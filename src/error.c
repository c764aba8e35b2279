/* error.c — names of the library's status codes (include/dyad.h). */
#include "dyad.h"

const char *dy_strerror(int code)
{
    switch (code) {
    case DY_OK: return "ok";
    case DY_ENOMEM: return "out of memory";
    case DY_EIO: return "input/output error";
    case DY_EPARSE: return "malformed input";
    case DY_EUTF8: return "invalid UTF-8";
    case DY_ERANGE: return "value or record too large";
    case DY_EINVAL: return "invalid argument";
    case DY_EDB: return "database error";
    case DY_EFORMAT: return "unknown or unsupported format";
    case DY_EEOF: return "end of input";
    case DY_EDICT: return "dictionary error";
    case DY_ENOTFOUND: return "not found";
    default: return "unknown error";
    }
}

const char *dy_version(void) { return DYAD_VERSION_STRING; }
