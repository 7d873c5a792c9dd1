/* A policy's plan: the common request decided by tables prepared at load.
 *
 * The rules (rules/withdrawal.c, rules/complaint.c) decide every request and define every
 * decision. Most requests take one narrow road through them: one item, no outbound
 * shipping, no shop window of its own, a complaint that names no cause and asks no remedy.
 * Along that road what an item's category and packaging (or a complaint's stage) lead to
 * is known once the policy is known, so at load the rules decide each situation once, for
 * a stand-in request, and the plan keeps their result in a cell: the item's outcome and
 * reasons ready to copy. An evaluation then only counts the dates, looks up its cell and
 * copies. A request or policy off the road (and every traced evaluation) goes through the
 * rules. Both roads give the same decision: the sweep in tests/unit/plan/test_fast_path.c
 * compares them over every example policy.
 * Immutable once built: evaluations on many threads share it. */
#ifndef RETOUR_PLAN_H
#define RETOUR_PLAN_H

#include "decision/decision.h"

/* Item reasons a cell holds at most: an exclusion step, a floor, a packaging step and its
 * floor (e.g. exclusion_waived, policy_below_legal_floor, policy_below_legal_floor,
 * damaged_review). A situation whose rules write more is left to the rules. */
#define RETOUR__PLAN_ITEM_REASONS 4

/* What the rules decided for the item in one situation, before goodwill: kept from
 * running them at load (plan_build.c). */
typedef struct retour__plan_verdict {
    retour_outcome outcome;
    retour_remedy remedy;  /* a complaint's remedy granted */
    int goodwill;          /* 0: none; else 1 + the retour__refusal goodwill rules are tried for */
    retour__code deciding; /* the last of the reasons that decides, RETOUR__R__COUNT: none */
    size_t reason_count;
    /* As the rules wrote them; per request the plan fills in the category (where
     * with_category) and a complaint's dates. */
    retour__reason_rec reasons[RETOUR__PLAN_ITEM_REASONS];
    unsigned char with_category[RETOUR__PLAN_ITEM_REASONS];
} retour__plan_verdict;

/* One category (or none) in one packaging state, for a withdrawal. */
typedef struct retour__plan_cell {
    int planned;                /* 0: the rules decide (a charge on the item's value) */
    retour__plan_verdict in_time;
    retour__plan_verdict late;
} retour__plan_cell;

/* Where a complaint on the road ends up, by its dates (complaint.c's rules 1 and 4). */
typedef enum retour__complaint_stage {
    RETOUR__STAGE_EXPIRED,        /* after the guarantee */
    RETOUR__STAGE_NO_PRESUMPTION, /* the law presumes nothing */
    RETOUR__STAGE_EVIDENCE,       /* after the presumption */
    RETOUR__STAGE_PRESUMED,       /* within the presumption */
    RETOUR__STAGE__COUNT
} retour__complaint_stage;

/* One category (or none), for a complaint: its guarantee and what the rules decide in
 * each stage. */
typedef struct retour__plan_guarantee {
    int legal_months;           /* the law's period, or the category's longer lifespan */
    int planned[RETOUR__STAGE__COUNT]; /* 0: a stage the road never reaches */
    retour__plan_verdict stages[RETOUR__STAGE__COUNT];
} retour__plan_guarantee;

/* A verdict as the answer alone reads it, packed so that an answer touches a few bytes
 * instead of a cell's reason records. */
typedef struct retour__plan_brief {
    uint8_t planned;            /* the cell's planned */
    uint8_t outcome;            /* retour_outcome */
    uint8_t goodwill;           /* as retour__plan_verdict */
    uint8_t unused;
    uint32_t deciding;          /* retour__code: the cell's, else the period's */
} retour__plan_brief;

/* A category's (or none's) guarantee as the answer alone reads it. */
typedef struct retour__plan_term {
    int legal_months;
    int legal_years;            /* legal_months / 12 when whole years, else -1 */
    retour__plan_brief stages[RETOUR__STAGE__COUNT];
} retour__plan_term;

typedef struct retour__plan {
    int withdrawal;             /* withdrawals are planned */
    int complaint;              /* complaints are planned */
    /* The days a planned request's delivery and notification may fall on: inside the
     * closed days listed at load, far enough from their end for every deadline. */
    retour_date first, last;
    size_t slots;               /* categories + 1; the last slot: no category */
    retour__plan_cell *cells;   /* slots x RETOUR_PACKAGING__COUNT */
    retour__plan_guarantee *guarantees; /* slots */
    retour__plan_brief *briefs; /* per cell: in time, then late */
    retour__plan_term *terms;   /* per slot */
    /* Reasons of the request as a whole, dates filled per request (and the citation of a
     * moved return or refund day, which depends on the basis). */
    retour__reason_rec within, expired, period_moved, return_moved, refund_moved;
    retour__reason_rec contract_assumed;
    /* The first contract day of the law the cells were decided under (the newest
     * guarantee regime, the withdrawal rules); older contracts go to the rules. */
    retour_date contracts_from;
    int presumption_months;     /* 0: no presumption */
    int presumption_years;      /* presumption_months / 12 when whole years, else -1 */
} retour__plan;

/* What retour__plan_evaluate and the answers return for a request off the road. */
#define RETOUR__PLAN_DECLINED 1

/* The outcome and deciding reason code the plan gives a request, and the withdrawal
 * deadline, without writing any decision (plan_eval.h, plan_route.h). */
typedef struct retour__plan_answer {
    retour_outcome outcome;
    retour__code deciding;
    retour_date withdrawal_deadline;
} retour__plan_answer;

#endif
