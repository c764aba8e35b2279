/* event.c — names of the event enums used in the output contract: the
 * status of a coded event and the precision of its date. */
#include "event.h"

const char *dy_status_name(int status)
{
    static const char *const names[] = {
        "asserted", "claimed", "unverified", "disputed", "confirmed", "hypothetical", "negated"
    };
    /* Out of range never happens for a coder's event; answer the default
     * status rather than NULL so that sinks never print a null name. */
    if (status < 0 || status >= (int)(sizeof names / sizeof names[0]))
        return "asserted";
    return names[status];
}

const char *dy_date_prec_name(int prec)
{
    static const char *const names[] = { "none", "day", "week", "month", "year" };
    if (prec < 0 || prec >= (int)(sizeof names / sizeof names[0]))
        return "none";
    return names[prec];
}
