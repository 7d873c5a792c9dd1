/* What every rule uses to write its result: reasons (and their trace), errors naming the
 * request's place, date sums that fail past 9999-12-31. */
#include "rules/eval_support.h"
#include "rules/trace.h"

#include "base/compiler.h"
#include "base/date.h"
#include "base/money.h"

#include <stdio.h>
#include <string.h>

/* The place of a reason that no policy line decided. */
const retour__src retour__no_src = { 0, 0 };

static inline void fill_reason(retour__eval *ev, retour__code code, long item,
                               const char *law, retour__src src, const retour__params *params)
{
    retour_decision *d = ev->d;
    retour__reason_make(&d->reasons[d->reason_count++], ev->p, code, item, law, src, params);
}

/* A full buffer (a decision's first evaluations) or a trace: kept out of the common path
 * so that it calls nothing. */
RETOUR__NOINLINE static int add_reason_slow(retour__eval *ev, retour__code code, long item,
                                            const char *law, retour__src src,
                                            const retour__params *params)
{
    retour_decision *d = ev->d;
    if (d->reason_count == d->reason_cap &&
        retour__grow(d->allocator, (void **)&d->reasons, &d->reason_cap, d->reason_count + 1,
                     sizeof *d->reasons))
        return retour__fail(ev->err, RETOUR_ENOMEM, NULL, NULL, "out of memory");
    fill_reason(ev, code, item, law, src, params);
    if (ev->trace)
        retour__trace_reason(ev, code, item, law, src, &d->reasons[d->reason_count - 1].params);
    return RETOUR_OK;
}

int retour__add_reason(retour__eval *ev, retour__code code, long item, const char *law,
                       retour__src src, const retour__params *params)
{
    if (RETOUR__UNLIKELY(ev->d->reason_count == ev->d->reason_cap || ev->trace))
        return add_reason_slow(ev, code, item, law, src, params);
    fill_reason(ev, code, item, law, src, params);
    return RETOUR_OK;
}

int retour__below_floor(retour__eval *ev, long item, const char *clause, const char *law,
                        retour__src src)
{
    retour__params prm;
    memset(&prm, 0, sizeof prm);
    prm.name = clause;
    return retour__add_reason(ev, RETOUR__R_POLICY_BELOW_LEGAL_FLOOR, item, law, src, &prm);
}

/* The place of the item (or the request) for errors found while deciding. */
static const retour__place *place_of(const retour__eval *ev, long item)
{
    if (item >= 0 && ev->r->items[item].place.file)
        return &ev->r->items[item].place;
    return ev->r->place.file ? &ev->r->place : NULL;
}

int retour__request_error(retour__eval *ev, long item, const char *path, const char *message)
{
    return retour__fail(ev->err, RETOUR_EREQUEST, place_of(ev, item), path, "%s", message);
}

int retour__overflow_error(retour__eval *ev, long item, const char *what)
{
    char path[48] = "";
    if (item >= 0)
        snprintf(path, sizeof path, "items[%ld]", item);
    return retour__fail(ev->err, RETOUR_ERANGE, place_of(ev, item), path,
                        "%s exceeds the largest amount", what);
}

int retour__eval_add_days(retour__eval *ev, retour_date *out, retour_date date, int days)
{
    if (retour__date_add_days(out, date, days))
        return retour__fail(ev->err, RETOUR_ERANGE, NULL, NULL, "a deadline falls after 9999-12-31");
    return RETOUR_OK;
}

int retour__eval_add_months(retour__eval *ev, retour_date *out, retour_date date, int months)
{
    if (retour__date_add_months(out, date, months))
        return retour__fail(ev->err, RETOUR_ERANGE, NULL, NULL, "a deadline falls after 9999-12-31");
    return RETOUR_OK;
}
