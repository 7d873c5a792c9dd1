/* A sweep that holds retour_evaluate() to the reference evaluator: for every request below,
 * retour_evaluate() and retour_evaluate_traced() with a callback (which always runs the
 * reference evaluator, since a fast path never traces) must return the same code and, on
 * success, the same decision: every accessor, and the JSON in English and Dutch; on failure
 * the same error code, path and message.
 *
 * Policies: every .yaml in examples/policies/, the bench-v1 policy,
 * tests/data/policies/jeweller.yaml and the inline policies below, each written to reach a
 * rule a compiled plan could get wrong. Requests, built through the C API for each policy:
 *  - single-item requests (what a fast path takes): both types x every category of the policy,
 *    an unlisted name, the first listed name in capitals (unlisted too: names match
 *    exactly) and none x every packaging x delivery 0..40 days before the notification and
 *    a spread up to ten years across month and year ends; the notification day and the
 *    customer (history, price, quantity) rotate through their lists;
 *  - requests a fast path declines (two items, outbound shipping paid, part of an order, a
 *    later last delivery, an order date, complaint details): the same, over fewer days;
 *  - requests every evaluation refuses alike: an order date after the delivery.
 * The only internals used are a policy's list of categories (policy.h) and a printf
 * attribute (error.h); the comparison itself uses the public API.
 *
 * RETOUR_SWEEP=full in the environment makes the sweep dense: every notification day and
 * every customer for every request, and every day for the declined requests (about 100 times
 * as many evaluations, some 20 million: a minute and a half rather than a second).
 *
 * On its first mismatch each test prints the policy, every request parameter and the two
 * differing values (or both JSON texts), then fails. At the end it prints how many
 * evaluations it compared. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/error.h"
#include "policy/policy.h"
#include "retour.h"

/* ------------------------------------------------------------------------------------
 * What the sweep varies
 * ---------------------------------------------------------------------------------- */

/* Notification days: a Friday, the turn of a year, the day after a leap day, a Dutch public
 * holiday (Liberation Day 2025), Easter Monday, and one day past each end of the years whose
 * closed days the policy lists at load (2020-2069). */
static const int notification_days[][3] = {
    { 2027, 1, 15 }, { 2026, 12, 28 }, { 2024, 3, 1 }, { 2025, 5, 5 },
    { 2026, 4, 6 },  { 2090, 6, 15 },  { 2019, 12, 31 },
};
#define NOTIFICATION_COUNT (sizeof notification_days / sizeof notification_days[0])

/* Days from delivery to notification beyond 0..40: month ends, 6 and 12 months (the
 * presumptions), 24 and 36 months (guarantees and lifespans), 4 and 5 years (leap days), 6
 * years (UK) and 10 (the longest shop window). -1 is a notification the day before delivery. */
#define DAYS_DENSE_LAST 40
static const int days_spread[] = {
    -1,   44,   45,   59,   60,   61,   89,   90,   91,   120,  181,  182,  183,  184,  270,
    364,  365,  366,  367,  400,  456,  547,  548,  549,  600,  729,  730,  731,  732,  800,
    1094, 1095, 1096, 1097, 1460, 1461, 1826, 1827, 2190, 2191, 2192, 3650, 3651, 3652,
};
#define SPREAD_COUNT (sizeof days_spread / sizeof days_spread[0])

/* The days of the declined requests unless RETOUR_SWEEP=full: each window's last day and the
 * day after it. */
static const int days_sparse[] = {
    -1, 0,  1,  2,  7,  13, 14, 15,  16,  21,  28,  29,  30,
    31, 44, 45, 60, 61, 90, 183, 365, 366, 730, 731, 1096,
};
#define SPARSE_COUNT (sizeof days_sparse / sizeof days_sparse[0])

/* A customer and the item they return. */
typedef struct customer {
    int orders;
    int claims_last_year;
    int goodwill_last_year;
    int64_t lifetime_spend;
    int64_t price;
    int quantity;
} customer;

/* Prices on the goodwill boundary of 50.00 (5000, 5001), past every review amount (3 x
 * 2000.00), and one whose value price x quantity overflows int64_t. */
static const customer customers[] = {
    { 0, 0, 0, 0, 1, 1 },
    { 3, 0, 0, 250000, 5000, 1 },
    { 5, 2, 1, 99999, 5001, 1 },
    { 12, 4, 3, 10000000, 200000, 3 },
    { 1, 1, 0, 100000, 1, 3 },
    { 2, 0, 0, 0, INT64_MAX / 2, 3 },
};
#define CUSTOMER_COUNT (sizeof customers / sizeof customers[0])

/* What the request holds besides the one item. */
typedef enum shape {
    SHAPE_SINGLE_ITEM = 0, /* what a fast path takes */
    SHAPE_TWO_ITEMS,
    SHAPE_SHIPPING_PAID,
    SHAPE_PART_OF_ORDER,
    SHAPE_LAST_DELIVERED_LATER,
    SHAPE_ORDERED,
    SHAPE_ORDERED_LONG_BEFORE,
    SHAPE_COMPLAINT_DETAILS,
    SHAPE_CONSUMER_ABROAD,
    SHAPE_ORDERED_AFTER_DELIVERY, /* impossible data: an error on every road */
    SHAPE__COUNT
} shape;

static const char *const shape_names[SHAPE__COUNT] = {
    "single item",
    "two items",
    "outbound shipping paid",
    "part of the order",
    "last good delivered later",
    "order date",
    "order date half a year before delivery",
    "complaint details",
    "a consumer living in BE",
    "order date after the delivery",
};

#define SECOND_ITEM_PRICE 1999
#define SHIPPING_PAID 495
#define LAST_DELIVERED_AFTER 5 /* days after the item's delivery */
#define ORDERED_BEFORE 3       /* days before the item's delivery */
/* Days before the delivery for an order that crosses the law's dates (a guarantee regime,
 * the withdrawal rules' first day) while its delivery does not. */
#define ORDERED_LONG_BEFORE 183

/* One request of the sweep. */
typedef struct sweep_case {
    retour_request_type type;
    const char *category;        /* NULL: none */
    retour_packaging packaging;
    int days;                    /* from delivery to notification */
    retour_date notified;
    const customer *who;
    shape shape;
    /* SHAPE_COMPLAINT_DETAILS only */
    retour_date noticed;
    retour_cause cause;
    int admits_damage;
    retour_remedy remedy;
    int remedy_failed;
} sweep_case;

/* A growing buffer for JSON text. */
typedef struct text_buffer {
    char *text;
    size_t size;
} text_buffer;

/* The state of the whole run: one request and two decisions, reused for every case. */
typedef struct sweep {
    const char *policy_name;
    const retour_policy *policy;
    retour_request *request;
    retour_decision *fast;      /* retour_evaluate(): the fast path, once it lands */
    retour_decision *reference; /* retour_evaluate_traced(): always the reference */
    text_buffer json_fast, json_reference;
    int full;                   /* RETOUR_SWEEP=full */
    unsigned long rotation;     /* picks the notification day and customer when not full */
    unsigned long details;      /* picks the complaint details */
    unsigned long compared;
    unsigned long refused;      /* of which both evaluations failed alike */
    unsigned outcomes_seen;     /* bit per retour_outcome */
    unsigned bases_seen;        /* bit per retour_basis */
    unsigned errors_seen;       /* bit per -retour_status */
    unsigned long unlisted;     /* decisions saying category_not_listed */
    unsigned long before_order; /* requests refused for a day before their order */
} sweep;

/* ------------------------------------------------------------------------------------
 * Inline policies: features a compiled plan might mishandle
 * ---------------------------------------------------------------------------------- */

typedef struct inline_policy {
    const char *name;
    const char *yaml;
} inline_policy;

static const inline_policy inline_policies[] = {
    { "none-shop-window.yaml",
      "retour: 1\njurisdiction: none\ncurrency: EUR\n"
      "withdrawal: { days: 21, return_within_days: 10, refund_within_days: 30,\n"
      "              restocking_fee: 10%, refund_outbound_shipping: false }\n"
      "packaging: { opened: deduct 10%, damaged: reject, missing: review }\n"
      "categories:\n"
      "  goods: {}\n"
      "  sale: { returnable: false }\n"
      "  custom: { exclusion: personalised }\n"
      "goodwill:\n"
      "  - name: anyone-a-little-late\n"
      "    when: { max_days_late: 10 }\n"
      "    grant: store_credit\n" },
    /* Sells to BE and ES: a Belgian consumer's holidays move deadlines too, and a Spanish
     * one's guarantee is longer. */
    { "nl-sells-abroad.yaml",
      "retour: 1\njurisdiction: NL\ncurrency: EUR\nsells_to: [BE, ES, DE]\n"
      "categories:\n"
      "  goods: {}\n"
      "  media: { exclusion: sealed_media }\n" },
    /* No statutory right of its own: a Belgian consumer's law gives it. */
    { "none-sells-abroad.yaml",
      "retour: 1\njurisdiction: none\ncurrency: EUR\nsells_to: [BE]\n"
      "withdrawal: { days: 10 }\n" },
    { "uk-longer-window.yaml",
      "retour: 1\njurisdiction: UK\ncurrency: GBP\n"
      "withdrawal: { days: 28, restocking_fee: 5% }\n"
      "packaging: { damaged: deduct 2.50, missing: deduct 100% }\n"
      "categories:\n"
      "  clothing: {}\n"
      "  hygiene: { exclusion: hygiene_sealed }\n"
      "  perishable: { exclusion: perishable }\n"
      "complaints: { guarantee_months: 84 }\n" },
    { "nl-not-informed.yaml",
      "retour: 1\njurisdiction: NL\ncurrency: EUR\n"
      "withdrawal: { days: 30, informed: false }\n"
      "packaging: { opened: deduct 1.00, damaged: deduct 25%, missing: deduct 7.50 }\n"
      "categories:\n"
      "  earrings: { exclusion: hygiene_sealed }\n"
      "  software: { exclusion: sealed_media }\n"
      "  engraved: { exclusion: personalised, exclusion_waived: true }\n"
      "  plain: {}\n"
      "default_category: earrings\n" },
    { "de-clauses-below-law.yaml",
      "retour: 1\njurisdiction: DE\ncurrency: EUR\n"
      "withdrawal: { days: 30, restocking_fee: 4.95, return_within_days: 7,\n"
      "              refund_within_days: 30, return_shipping: shop,\n"
      "              refund_outbound_shipping: false, reason_required: true,\n"
      "              condition: unused }\n"
      "packaging: { opened: reject, damaged: review, missing: reject }\n"
      "categories:\n"
      "  apparel: {}\n"
      "  sale: { returnable: false }\n"
      "  underwear: { exclusion: hygiene_sealed, exclusion_waived: true }\n"
      "  custom: { exclusion: personalised }\n"
      "default_category: apparel\n" },
    { "be-inspection-guarantee.yaml",
      "retour: 1\njurisdiction: BE\ncurrency: EUR\n"
      "withdrawal: { days: 60, return_within_days: 30, refund_within_days: 5 }\n"
      "complaints: { guarantee_months: 36, inspection: required, presumption_months: 30,\n"
      "              remedy: replace }\n"
      "categories:\n"
      "  appliances: { lifespan_months: 60 }\n"
      "  phones: { inspection: not_required, lifespan_months: 24 }\n"
      "  batteries: {}\n"
      "default_category: appliances\n" },
    { "nl-goodwill-review.yaml",
      "retour: 1\njurisdiction: NL\ncurrency: EUR\n"
      "categories:\n"
      "  shoes: { lifespan_months: 18 }\n"
      "  gifts: { exclusion: personalised }\n"
      "  sale: { returnable: false }\n"
      "goodwill:\n"
      "  - name: excluded-loyal\n"
      "    when: { excluded: true, min_orders: 5, max_amount: \"100.00\" }\n"
      "    grant: partial_refund 50%\n"
      "  - name: late-small\n"
      "    when: { type: withdrawal, max_days_late: 7, max_amount: \"50.00\",\n"
      "            max_goodwill_last_year: 0 }\n"
      "    grant: store_credit\n"
      "  - name: big-spender\n"
      "    when: { min_lifetime_spend: \"1000.00\", max_claims_last_year: 2 }\n"
      "    grant: exchange\n"
      "  - name: complaint-late\n"
      "    when: { type: complaint, max_days_late: 90, cause: [unknown, wear] }\n"
      "    grant: repair_discount 25%\n"
      "  - name: admitted-accident\n"
      "    when: { cause: accident, customer_admits_damage: true, categories: [shoes] }\n"
      "    grant: repair\n"
      "review:\n"
      "  claims_last_year: 2\n"
      "  amount: \"1500.00\"\n" },
    { "fr-short-presumption.yaml",
      "retour: 1\njurisdiction: FR\ncurrency: EUR\n"
      "withdrawal: { days: 0, return_within_days: 1, refund_within_days: 365 }\n"
      "complaints: { presumption_months: 6, remedy: refund }\n"
      "review: { claims_last_year: 1, amount: \"0.01\" }\n" },
    { "eu-jpy-always-goodwill.yaml",
      "retour: 1\njurisdiction: EU\ncurrency: JPY\n"
      "withdrawal: { days: 3650 }\n"
      "packaging: { damaged: deduct 12.5%, missing: deduct 500, opened: deduct 0.5% }\n"
      "categories:\n"
      "  media: { exclusion: sealed_media }\n"
      "  food: { exclusion: perishable }\n"
      "goodwill:\n"
      "  - name: everything\n"
      "    when: { excluded: true }\n"
      "    grant: partial_refund 33.33%\n" },
    { "se-order-window.yaml",
      "retour: 1\njurisdiction: SE\ncurrency: SEK\n"
      "withdrawal: { days: 30, starts: order }\n"
      "complaints: { inspection: required }\n"
      "categories:\n"
      "  furniture: { lifespan_months: 120, inspection: not_required }\n" },
    /* Issue 19's clauses. Days counted in working days: the window, return and refund
     * days move with the Dutch holidays. */
    { "nl-working-days.yaml",
      "retour: 1\njurisdiction: NL\ncurrency: EUR\n"
      "withdrawal: { counting: working_days, days: 11, return_within_days: 10,\n"
      "              refund_within_days: 9, refund_withheld_until: goods_or_proof_of_dispatch }\n"
      "categories:\n"
      "  goods: {}\n"
      "  media: { exclusion: sealed_media }\n" },
    /* The refund counted from the goods' receipt and withheld until it, a window judged by
     * the day the goods were sent: set aside in the statutory period, a request error
     * after it (the sweep's requests give no goods days). */
    { "de-goods-days.yaml",
      "retour: 1\njurisdiction: DE\ncurrency: EUR\n"
      "withdrawal: { days: 30, refund_counted_from: goods_received,\n"
      "              refund_withheld_until: goods_received, timely_when: goods_sent }\n" },
    /* The law's own words written out: the plan keeps the policy. */
    { "at-law-written-out.yaml",
      "retour: 1\njurisdiction: AT\ncurrency: EUR\n"
      "withdrawal: { counting: calendar_days, refund_counted_from: notification,\n"
      "              refund_withheld_until: goods_or_proof_of_dispatch, timely_when: notified }\n"
      "categories:\n"
      "  food: { exclusion: perishable }\n" },
    /* Fees of categories on a policy the plan keeps (the law's 14 days): in time the law
     * sets each aside at the item, which the cells keep. */
    { "be-category-fees.yaml",
      "retour: 1\njurisdiction: BE\ncurrency: EUR\n"
      "categories:\n"
      "  sale: { restocking_fee: { percent: 15, minimum: 3, maximum: 20 } }\n"
      "  gifts: { restocking_fee: \"4.95\" }\n"
      "  plain: { restocking_fee: none }\n"
      "default_category: sale\n" },
    /* Fees in every form and requirements, with a shop window where they apply. */
    { "fr-fees-and-requirements.yaml",
      "retour: 1\njurisdiction: FR\ncurrency: EUR\n"
      "withdrawal: { days: 45, restocking_fee: { percent: 10, minimum: 5, maximum: 25 },\n"
      "              requires: [form, original_packaging] }\n"
      "categories:\n"
      "  sale: { restocking_fee: 20% }\n"
      "  free: { restocking_fee: none }\n" },
    /* Store credit, the return's risk on the consumer, no withdrawal function (owed for
     * the sweep's contracts from 2026-06-19), a whole-order outbound refund. */
    { "de-credit-risk-function.yaml",
      "retour: 1\njurisdiction: DE\ncurrency: EUR\n"
      "withdrawal: { days: 20, refund_method: store_credit, return_risk: consumer,\n"
      "              function: false, refund_outbound_shipping: whole_order }\n" },
    /* The consumer's choice and the whole order written out: the plan keeps the policy. */
    { "it-consumer-choice.yaml",
      "retour: 1\njurisdiction: IT\ncurrency: EUR\n"
      "withdrawal: { refund_method: consumer_choice, refund_outbound_shipping: whole_order,\n"
      "              return_risk: shop, function: true }\n" },
    /* The complaint clauses: a notice term where the law has a duty (NL) and a form; the
     * sweep's complaint details notice some problems long before they are reported. */
    { "nl-notice-form.yaml",
      "retour: 1\njurisdiction: NL\ncurrency: EUR\n"
      "complaints: { notice_within_months: 1, notice_form: form, guarantee_months: 48,\n"
      "              remedy: repair_only }\n" },
    /* Where the law has none (DE), repairs or replacements only: the plan keeps a policy
     * whose terms only reach requests it leaves to the rules. */
    { "de-notice-replace-only.yaml",
      "retour: 1\njurisdiction: DE\ncurrency: EUR\n"
      "complaints: { notice_within_months: 2, remedy: replace_only }\n"
      "categories:\n"
      "  tools: { lifespan_months: 60 }\n" },
    { "be-credit-note.yaml",
      "retour: 1\njurisdiction: BE\ncurrency: EUR\n"
      "complaints: { remedy: credit_note, notice_within_months: 3, notice_form: written }\n" },
};
#define INLINE_COUNT (sizeof inline_policies / sizeof inline_policies[0])

/* ------------------------------------------------------------------------------------
 * Printing a case
 * ---------------------------------------------------------------------------------- */

/* "YYYY-MM-DD", or "none"; buf holds 11 bytes. */
static const char *date_text(char buf[11], retour_date date)
{
    if (retour_date_format(buf, date) != RETOUR_OK)
        snprintf(buf, 11, "none");
    return buf;
}

/* Mismatches go straight to stderr: cmocka's print_error() cuts a line at 1 KiB, shorter than
 * a decision's JSON. */
static void report(const char *format, ...) RETOUR_PRINTF(1, 2);
static void report(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    vfprintf(stderr, format, args);
    va_end(args);
}

static const char *const packaging_names[RETOUR_PACKAGING__COUNT] = {
    "unknown", "sealed", "opened", "damaged", "missing",
};

static void print_case(const sweep *s, const sweep_case *c)
{
    char a[11], b[11];
    const customer *w = c->who;
    report("policy:        %s\n", s->policy_name);
    report("type:          %s\n",
           c->type == RETOUR_REQUEST_COMPLAINT ? "complaint" : "withdrawal");
    report("shape:         %s\n", shape_names[c->shape]);
    report("notified:      %s\n", date_text(a, c->notified));
    report("delivered:     %s (%d days before)\n", date_text(b, c->notified - c->days),
           c->days);
    report("item:          sku A, category %s, price %lld x %d, packaging %s\n",
           c->category ? c->category : "(none)", (long long)w->price, w->quantity,
           packaging_names[c->packaging]);
    report("customer:      orders %d, claims_last_year %d, goodwill_last_year %d, "
           "lifetime_spend %lld\n",
           w->orders, w->claims_last_year, w->goodwill_last_year,
           (long long)w->lifetime_spend);
    switch (c->shape) {
    case SHAPE_TWO_ITEMS:
        report("second item:   sku B, no category, price %d x 1, delivered %s, sealed\n",
               SECOND_ITEM_PRICE, date_text(a, c->notified - c->days));
        break;
    case SHAPE_SHIPPING_PAID:
        report("shipping_paid: %d\n", SHIPPING_PAID);
        break;
    case SHAPE_PART_OF_ORDER:
        report("whole_order:   0\n");
        break;
    case SHAPE_CONSUMER_ABROAD:
        report("customer.country: BE\n");
        break;
    case SHAPE_LAST_DELIVERED_LATER:
        report("last_delivered: %s\n",
               date_text(a, c->notified - c->days + LAST_DELIVERED_AFTER));
        break;
    case SHAPE_ORDERED:
        report("ordered:       %s\n", date_text(a, c->notified - c->days - ORDERED_BEFORE));
        break;
    case SHAPE_ORDERED_LONG_BEFORE:
        report("ordered:       %s\n",
               date_text(a, c->notified - c->days - ORDERED_LONG_BEFORE));
        break;
    case SHAPE_ORDERED_AFTER_DELIVERY:
        report("ordered:       %s\n", date_text(a, c->notified - c->days + 1));
        break;
    case SHAPE_COMPLAINT_DETAILS:
        report("complaint:     noticed %s, cause %s, admits damage %d, remedy %s, "
               "remedy_failed %d\n",
               date_text(a, c->noticed), retour_cause_name(c->cause), c->admits_damage,
               retour_remedy_name(c->remedy), c->remedy_failed);
        break;
    default:
        break;
    }
}

/* ------------------------------------------------------------------------------------
 * Comparing two decisions
 * ---------------------------------------------------------------------------------- */

static int differ_int(const char *field, long long fast, long long reference)
{
    if (fast == reference)
        return 0;
    report("mismatch in %s: retour_evaluate %lld, reference %lld\n", field, fast, reference);
    return 1;
}

static int differ_date(const char *field, retour_date fast, retour_date reference)
{
    if (fast == reference)
        return 0;
    char a[11], b[11];
    report("mismatch in %s: retour_evaluate %s, reference %s\n", field, date_text(a, fast),
           date_text(b, reference));
    return 1;
}

/* NULL-aware: NULL and "" differ. */
static int differ_str(const char *field, const char *fast, const char *reference)
{
    if (fast == reference || (fast && reference && strcmp(fast, reference) == 0))
        return 0;
    report("mismatch in %s: retour_evaluate \"%s\", reference \"%s\"\n", field,
           fast ? fast : "(null)", reference ? reference : "(null)");
    return 1;
}

/* Writes the decision's JSON into out, growing it as needed. */
static const char *to_json(const retour_decision *d, retour_lang lang, text_buffer *out)
{
    long n = retour_decision_to_json(d, lang, NULL, 0);
    assert_true(n > 0);
    if ((size_t)n + 1 > out->size) {
        char *grown = realloc(out->text, (size_t)n + 1);
        assert_non_null(grown);
        out->text = grown;
        out->size = (size_t)n + 1;
    }
    assert_int_equal(retour_decision_to_json(d, lang, out->text, out->size), n);
    return out->text;
}

/* The JSON of both decisions in lang: the same text, or both printed with the first
 * differing byte. */
static int differ_json(sweep *s, retour_lang lang)
{
    const char *fast = to_json(s->fast, lang, &s->json_fast);
    const char *reference = to_json(s->reference, lang, &s->json_reference);
    if (strcmp(fast, reference) == 0)
        return 0;
    size_t at = 0;
    while (fast[at] == reference[at])
        at++;
    size_t from = at > 30 ? at - 30 : 0;
    report("mismatch in the %s JSON at byte %zu: retour_evaluate \"...%.60s\", reference "
           "\"...%.60s\"\nretour_evaluate: %s\nreference:       %s\n",
           lang == RETOUR_LANG_NL ? "Dutch" : "English", at, fast + from, reference + from, fast,
           reference);
    return 1;
}

static int differ_reason(size_t i, const retour_reason *fast, const retour_reason *reference)
{
    char field[64];
#define REASON_FIELD(name) (snprintf(field, sizeof field, "reason[%zu].%s", i, name), field)
    return differ_str(REASON_FIELD("code"), fast->code, reference->code) ||
           differ_int(REASON_FIELD("item"), fast->item, reference->item) ||
           differ_str(REASON_FIELD("law"), fast->law, reference->law) ||
           differ_str(REASON_FIELD("source_file"), fast->source_file, reference->source_file) ||
           differ_int(REASON_FIELD("source_line"), fast->source_line, reference->source_line) ||
           differ_int(REASON_FIELD("source_column"), fast->source_column,
                      reference->source_column);
#undef REASON_FIELD
}

static int differ_item(size_t i, const retour_decision *f, const retour_decision *r)
{
    char field[64];
#define ITEM_FIELD(name) (snprintf(field, sizeof field, "item[%zu].%s", i, name), field)
    return differ_str(ITEM_FIELD("outcome"),
                      retour_outcome_name(retour_decision_item_outcome(f, i)),
                      retour_outcome_name(retour_decision_item_outcome(r, i))) ||
           differ_int(ITEM_FIELD("refund"), retour_decision_item_refund(f, i),
                      retour_decision_item_refund(r, i)) ||
           differ_int(ITEM_FIELD("deduction"), retour_decision_item_deduction(f, i),
                      retour_decision_item_deduction(r, i)) ||
           differ_str(ITEM_FIELD("remedy"),
                      retour_remedy_name(retour_decision_item_remedy(f, i)),
                      retour_remedy_name(retour_decision_item_remedy(r, i))) ||
           differ_int(ITEM_FIELD("remedy_basis_points"),
                      retour_decision_item_remedy_basis_points(f, i),
                      retour_decision_item_remedy_basis_points(r, i));
#undef ITEM_FIELD
}

/* An error of a case names the item's key without "items[0]." (case.c). */
static const char *case_path(const char *path)
{
    return strncmp(path, "items[0].", 9) == 0 ? path + 9 : path;
}

/* Prints the first difference between the two evaluations and returns 1, or returns 0.
 * A case's decision (as_case) has no SKU and names the policy's category, so its JSON is
 * not compared; every number, date, outcome and reason is. */
static int differ(sweep *s, int rc_fast, int rc_reference, const retour_error *err_fast,
                  const retour_error *err_reference, int as_case)
{
    if (differ_int("return code", rc_fast, rc_reference))
        return 1;
    if (rc_fast != RETOUR_OK)
        return differ_int("error code", err_fast->code, err_reference->code) ||
               differ_str("error path", err_fast->path,
                          as_case ? case_path(err_reference->path) : err_reference->path) ||
               differ_str("error message", err_fast->message, err_reference->message);
    const retour_decision *f = s->fast, *r = s->reference;
    if (differ_str("outcome", retour_outcome_name(retour_decision_outcome(f)),
                   retour_outcome_name(retour_decision_outcome(r))) ||
        differ_str("basis", retour_basis_name(retour_decision_basis(f)),
                   retour_basis_name(retour_decision_basis(r))) ||
        differ_int("refund", retour_decision_refund(f), retour_decision_refund(r)) ||
        differ_int("deductions", retour_decision_deductions(f), retour_decision_deductions(r)) ||
        differ_int("shipping_refunded", retour_decision_shipping_refunded(f),
                   retour_decision_shipping_refunded(r)) ||
        differ_int("store_credit", retour_decision_store_credit(f),
                   retour_decision_store_credit(r)) ||
        differ_str("currency", retour_decision_currency(f), retour_decision_currency(r)) ||
        differ_int("return_shipping", retour_decision_return_shipping(f),
                   retour_decision_return_shipping(r)) ||
        differ_date("withdrawal_deadline", retour_decision_withdrawal_deadline(f),
                   retour_decision_withdrawal_deadline(r)) ||
        differ_date("return_by", retour_decision_return_by(f), retour_decision_return_by(r)) ||
        differ_date("refund_by", retour_decision_refund_by(f), retour_decision_refund_by(r)) ||
        differ_str("calendar", retour_decision_calendar(f), retour_decision_calendar(r)) ||
        differ_int("item_count", (long long)retour_decision_item_count(f),
                   (long long)retour_decision_item_count(r)) ||
        differ_int("reason_count", (long long)retour_decision_reason_count(f),
                   (long long)retour_decision_reason_count(r)))
        return 1;
    for (size_t i = 0; i < retour_decision_item_count(f); i++)
        if (differ_item(i, f, r))
            return 1;
    for (size_t i = 0; i < retour_decision_reason_count(f); i++)
        if (differ_reason(i, retour_decision_reason(f, i), retour_decision_reason(r, i)))
            return 1;
    return !as_case && (differ_json(s, RETOUR_LANG_EN) || differ_json(s, RETOUR_LANG_NL));
}

/* ------------------------------------------------------------------------------------
 * Running one case
 * ---------------------------------------------------------------------------------- */

static void build_request(sweep *s, const sweep_case *c)
{
    retour_request *q = s->request;
    const customer *w = c->who;
    retour_date delivered = c->notified - c->days;
    assert_int_equal(retour_request_reset(q, c->type), RETOUR_OK);
    assert_int_equal(retour_request_set_notified(q, c->notified), RETOUR_OK);
    assert_int_equal(retour_request_set_customer(q, w->orders, w->claims_last_year), RETOUR_OK);
    assert_int_equal(retour_request_set_customer_history(q, w->goodwill_last_year,
                                                         w->lifetime_spend),
                     RETOUR_OK);
    assert_int_equal(retour_request_add_item(q, NULL, "A", c->category, w->price, w->quantity,
                                             delivered, c->packaging),
                     RETOUR_OK);
    switch (c->shape) {
    case SHAPE_SINGLE_ITEM:
        break;
    case SHAPE_TWO_ITEMS:
        assert_int_equal(retour_request_add_item(q, NULL, "B", NULL, SECOND_ITEM_PRICE, 1,
                                                 delivered, RETOUR_PACKAGING_SEALED),
                         RETOUR_OK);
        break;
    case SHAPE_SHIPPING_PAID:
        assert_int_equal(retour_request_set_shipping_paid(q, SHIPPING_PAID), RETOUR_OK);
        break;
    case SHAPE_PART_OF_ORDER:
        assert_int_equal(retour_request_set_whole_order(q, 0), RETOUR_OK);
        break;
    case SHAPE_LAST_DELIVERED_LATER:
        assert_int_equal(retour_request_set_last_delivered(q, delivered + LAST_DELIVERED_AFTER),
                         RETOUR_OK);
        break;
    case SHAPE_ORDERED:
        assert_int_equal(retour_request_set_ordered(q, delivered - ORDERED_BEFORE), RETOUR_OK);
        break;
    case SHAPE_ORDERED_LONG_BEFORE:
        assert_int_equal(retour_request_set_ordered(q, delivered - ORDERED_LONG_BEFORE),
                         RETOUR_OK);
        break;
    case SHAPE_CONSUMER_ABROAD:
        assert_int_equal(retour_request_set_customer_country(q, "BE"), RETOUR_OK);
        break;
    case SHAPE_ORDERED_AFTER_DELIVERY:
        assert_int_equal(retour_request_set_ordered(q, delivered + 1), RETOUR_OK);
        break;
    case SHAPE_COMPLAINT_DETAILS:
        assert_int_equal(retour_request_set_item_complaint(q, 0, c->noticed, c->cause,
                                                           c->admits_damage, c->remedy,
                                                           c->remedy_failed),
                         RETOUR_OK);
        break;
    default:
        fail_msg("unknown shape %d", (int)c->shape);
    }
}

/* A callback makes retour_evaluate_traced() run the reference evaluator; the steps
 * themselves are test_trace.c's concern. */
static void ignore_step(void *ctx, const retour_trace_event *event)
{
    (void)ctx;
    (void)event;
}

/* retour_evaluate_verdict() must answer what the reference decided: its return code, its
 * outcome, its deciding reason and its withdrawal deadline. It runs in the fast path's
 * decision, which it leaves without a result. */
static int differ_verdict(sweep *s, int rc_reference, const retour_error *err_reference)
{
    retour_verdict v;
    retour_error err;
    int rc = retour_evaluate_verdict(&v, s->fast, s->policy, s->request, &err);
    if (differ_int("verdict return code", rc, rc_reference))
        return 1;
    if (retour_decision_outcome(s->fast) != RETOUR_OUTCOME_REJECT ||
        retour_decision_reason_count(s->fast) != 0) {
        report("the verdict left a result in its working decision\n");
        return 1;
    }
    if (rc != RETOUR_OK)
        return differ_str("verdict error message", err.message, err_reference->message) ||
               differ_str("verdict outcome on failure", retour_outcome_name(v.outcome),
                          "reject") ||
               differ_str("verdict reason on failure", v.reason, "");
    const retour_reason *why = retour_decision_deciding_reason(s->reference);
    return differ_str("verdict outcome", retour_outcome_name(v.outcome),
                      retour_outcome_name(retour_decision_outcome(s->reference))) ||
           differ_str("verdict reason", v.reason, why ? why->code : "") ||
           differ_date("verdict withdrawal_deadline", v.withdrawal_deadline,
                       retour_decision_withdrawal_deadline(s->reference));
}

/* The case c stands for, when a case can say it (one item, one delivery). */
static int case_of(retour_case *k, const sweep_case *c)
{
    static const retour_case init = RETOUR_CASE_INIT;
    const customer *w = c->who;
    if (c->shape == SHAPE_TWO_ITEMS || c->shape == SHAPE_LAST_DELIVERED_LATER ||
        c->shape == SHAPE_CONSUMER_ABROAD)
        return 0;
    *k = init;
    k->type = (uint8_t)c->type;
    k->notified = c->notified;
    k->delivered = c->notified - c->days;
    k->category = retour_category_id(c->category);
    k->packaging = (uint8_t)c->packaging;
    k->price = w->price;
    k->quantity = w->quantity;
    k->customer_orders = w->orders;
    k->claims_last_year = w->claims_last_year;
    k->goodwill_last_year = w->goodwill_last_year;
    k->lifetime_spend = w->lifetime_spend;
    if (c->shape == SHAPE_SHIPPING_PAID)
        k->shipping_paid = SHIPPING_PAID;
    else if (c->shape == SHAPE_PART_OF_ORDER)
        k->whole_order = 0;
    else if (c->shape == SHAPE_ORDERED)
        k->ordered = k->delivered - ORDERED_BEFORE;
    else if (c->shape == SHAPE_ORDERED_LONG_BEFORE)
        k->ordered = k->delivered - ORDERED_LONG_BEFORE;
    else if (c->shape == SHAPE_ORDERED_AFTER_DELIVERY)
        k->ordered = k->delivered + 1;
    else if (c->shape == SHAPE_COMPLAINT_DETAILS) {
        k->noticed = c->noticed;
        k->cause = (uint8_t)c->cause;
        k->customer_admits_damage = (uint8_t)c->admits_damage;
        k->remedy = (uint8_t)c->remedy;
        k->remedy_failed = (uint8_t)c->remedy_failed;
    }
    return 1;
}

/* The request as a case: retour_evaluate_case() must decide as the reference did, and
 * retour_evaluate_case_verdict() answer as it. */
static int differ_case(sweep *s, const sweep_case *c, int rc_reference,
                       const retour_error *err_reference)
{
    retour_case k;
    if (!case_of(&k, c))
        return 0;
    retour_error err;
    int rc = retour_evaluate_case(s->fast, s->policy, &k, &err);
    if (differ(s, rc, rc_reference, &err, err_reference, 1))
        return 1;
    retour_verdict v;
    rc = retour_evaluate_case_verdict(&v, s->fast, s->policy, &k, &err);
    if (differ_int("case verdict return code", rc, rc_reference))
        return 1;
    if (rc != RETOUR_OK)
        return differ_str("case verdict error message", err.message, err_reference->message);
    const retour_reason *why = retour_decision_deciding_reason(s->reference);
    return differ_str("case verdict outcome", retour_outcome_name(v.outcome),
                      retour_outcome_name(retour_decision_outcome(s->reference))) ||
           differ_str("case verdict reason", v.reason, why ? why->code : "") ||
           differ_date("case verdict withdrawal_deadline", v.withdrawal_deadline,
                       retour_decision_withdrawal_deadline(s->reference));
}

static void compare(sweep *s, const sweep_case *c)
{
    retour_error err_fast, err_reference;
    build_request(s, c);
    int rc_fast = retour_evaluate(s->fast, s->policy, s->request, &err_fast);
    int rc_reference = retour_evaluate_traced(s->reference, s->policy, s->request, ignore_step,
                                              NULL, &err_reference);
    if (differ(s, rc_fast, rc_reference, &err_fast, &err_reference, 0)) {
        print_case(s, c);
        fail_msg("retour_evaluate() and the reference evaluator disagree (after %lu agreeing "
                 "evaluations)",
                 s->compared);
    }
    if (differ_verdict(s, rc_reference, &err_reference)) {
        print_case(s, c);
        fail_msg("retour_evaluate_verdict() and the reference decision disagree (after %lu "
                 "agreeing evaluations)",
                 s->compared);
    }
    if (differ_case(s, c, rc_reference, &err_reference)) {
        print_case(s, c);
        fail_msg("the same request as a retour_case and the reference disagree (after %lu "
                 "agreeing evaluations)",
                 s->compared);
    }
    s->compared++;
    if (rc_fast == RETOUR_OK) { /* the verdict emptied s->fast; the two agreed */
        s->outcomes_seen |= 1u << retour_decision_outcome(s->reference);
        s->bases_seen |= 1u << retour_decision_basis(s->reference);
        for (size_t i = 0; i < retour_decision_reason_count(s->reference); i++)
            s->unlisted += strcmp(retour_decision_reason(s->reference, i)->code,
                                  "category_not_listed") == 0;
    } else {
        s->refused++;
        s->errors_seen |= 1u << -rc_fast;
        s->before_order += strstr(err_fast.message, "before it was ordered") != NULL ||
                           strstr(err_fast.message, "before the order was placed") != NULL;
    }
}

/* Fills in the complaint details of the next SHAPE_COMPLAINT_DETAILS case: a run of 100
 * such cases takes every cause x remedy asked x admitted x earlier remedy failed. */
static void next_details(sweep *s, sweep_case *c)
{
    unsigned long k = s->details++;
    int before = c->days > 1 ? c->days / 2 : 0;
    c->noticed = k % 3 == 0 ? RETOUR_DATE_NONE : c->notified - before;
    c->cause = (retour_cause)(k % RETOUR_CAUSE__COUNT);
    c->remedy = (retour_remedy)(k / RETOUR_CAUSE__COUNT % (RETOUR_REMEDY_PRICE_REDUCTION + 1));
    c->admits_damage = (int)(k / 25 % 2);
    c->remedy_failed = (int)(k / 50 % 2);
}

/* Runs c for every notification day and customer, or (not full) for the next ones in turn.
 * The lists have coprime lengths (7 and 6), so turns take every pair; and a run of days
 * shares no factor with either (checked below), so as the categories and packagings go by,
 * each day meets every notification day and every customer. */
static void compare_rotating(sweep *s, sweep_case *c)
{
    size_t first_day = s->full ? 0 : s->rotation % NOTIFICATION_COUNT;
    size_t first_customer = s->full ? 0 : s->rotation % CUSTOMER_COUNT;
    size_t day_end = s->full ? NOTIFICATION_COUNT : first_day + 1;
    size_t customer_end = s->full ? CUSTOMER_COUNT : first_customer + 1;
    s->rotation++;
    for (size_t n = first_day; n < day_end; n++) {
        const int *ymd = notification_days[n];
        assert_int_equal(retour_date_from_ymd(&c->notified, ymd[0], ymd[1], ymd[2]), RETOUR_OK);
        for (size_t w = first_customer; w < customer_end; w++) {
            c->who = &customers[w];
            if (c->shape == SHAPE_COMPLAINT_DETAILS)
                next_details(s, c);
            compare(s, c);
        }
    }
}

#define COPRIME_TO_TURNS(n) ((n) % 2 != 0 && (n) % 3 != 0 && (n) % 7 != 0)
_Static_assert(COPRIME_TO_TURNS(DAYS_DENSE_LAST + 1 + SPREAD_COUNT), "days per run");
_Static_assert(COPRIME_TO_TURNS(SPARSE_COUNT), "days per run of a declined shape");
_Static_assert(NOTIFICATION_COUNT == 7 && CUSTOMER_COUNT == 6, "the turns above");

/* Every category of the policy, then a name it does not list, then (when it lists any) its
 * first category's name in capitals, then none. */
static size_t category_count(const retour_policy *p)
{
    return p->category_count + 2 + (p->category_count > 0);
}

static const char *category_at(const retour_policy *p, size_t k)
{
    static char capitals[64];
    if (k < p->category_count)
        return p->categories[k].name;
    if (k == p->category_count)
        return "not-a-listed-category";
    if (k == p->category_count + 1 && p->category_count > 0) {
        const char *name = p->categories[0].name;
        size_t n = 0;
        for (; name[n] && n + 1 < sizeof capitals; n++)
            capitals[n] = name[n] >= 'a' && name[n] <= 'z' ? (char)(name[n] - 'a' + 'A')
                                                           : name[n];
        capitals[n] = '\0';
        return capitals;
    }
    return NULL;
}

/* Both types x every category x every packaging x days, in the given shape. */
static void sweep_shape(sweep *s, shape sh, const int *days, size_t day_count, int dense)
{
    sweep_case c = { .shape = sh };
    for (int t = 0; t < RETOUR_REQUEST_TYPE__COUNT; t++) {
        c.type = (retour_request_type)t;
        for (size_t k = 0; k < category_count(s->policy); k++) {
            c.category = category_at(s->policy, k);
            for (int pk = 0; pk < RETOUR_PACKAGING__COUNT; pk++) {
                c.packaging = (retour_packaging)pk;
                for (int d = 0; dense && d <= DAYS_DENSE_LAST; d++) {
                    c.days = d;
                    compare_rotating(s, &c);
                }
                for (size_t d = 0; d < day_count; d++) {
                    c.days = days[d];
                    compare_rotating(s, &c);
                }
            }
        }
    }
}

static void sweep_policy(sweep *s, const char *name, const retour_policy *policy)
{
    s->policy_name = name;
    s->policy = policy;
    sweep_shape(s, SHAPE_SINGLE_ITEM, days_spread, SPREAD_COUNT, 1);
    for (int sh = SHAPE_SINGLE_ITEM + 1; sh < SHAPE__COUNT; sh++) {
        if (s->full)
            sweep_shape(s, (shape)sh, days_spread, SPREAD_COUNT, 1);
        else
            sweep_shape(s, (shape)sh, days_sparse, SPARSE_COUNT, 0);
    }
}

/* ------------------------------------------------------------------------------------
 * Loading the policies
 * ---------------------------------------------------------------------------------- */

static void fail_load(const char *name, int rc, const retour_error *err)
{
    char line[RETOUR_ERROR_MESSAGE_MAX + RETOUR_ERROR_FILE_MAX + RETOUR_ERROR_PATH_MAX + 64];
    retour_error_format(line, sizeof line, err);
    fail_msg("policy %s did not load (%d): %s", name, rc, line);
}

static void sweep_file(sweep *s, const char *path)
{
    retour_policy *p = NULL;
    retour_error err;
    int rc = retour_policy_load_file(&p, path, NULL, &err);
    if (rc != RETOUR_OK)
        fail_load(path, rc, &err);
    sweep_policy(s, path, p);
    retour_policy_free(p);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* ------------------------------------------------------------------------------------
 * Tests
 * ---------------------------------------------------------------------------------- */

/* Every example policy, in name order. */
static void test_example_policies(void **state)
{
    sweep *s = *state;
    const char *dir = RETOUR_SOURCE_ROOT "/examples/policies";
    DIR *listing = opendir(dir);
    assert_non_null(listing);
    char *paths[64];
    size_t count = 0;
    for (struct dirent *e; (e = readdir(listing)) != NULL;) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 5, ".yaml") != 0)
            continue;
        assert_true(count < sizeof paths / sizeof paths[0]);
        size_t size = strlen(dir) + len + 2;
        paths[count] = malloc(size);
        assert_non_null(paths[count]);
        snprintf(paths[count], size, "%s/%s", dir, e->d_name);
        count++;
    }
    closedir(listing);
    /* the five examples there today, at least */
    assert_true(count >= 5);
    qsort(paths, count, sizeof paths[0], by_name);
    for (size_t i = 0; i < count; i++) {
        sweep_file(s, paths[i]);
        free(paths[i]);
    }
}

static void test_bench_and_test_data_policies(void **state)
{
    sweep *s = *state;
    sweep_file(s, RETOUR_SOURCE_ROOT "/tests/bench/bench-v1-policy.yaml");
    sweep_file(s, RETOUR_TEST_DATA "/policies/jeweller.yaml");
}

static void test_inline_policies(void **state)
{
    sweep *s = *state;
    for (size_t i = 0; i < INLINE_COUNT; i++) {
        const inline_policy *ip = &inline_policies[i];
        retour_policy *p = NULL;
        retour_error err;
        int rc = retour_policy_load_string(&p, ip->yaml, strlen(ip->yaml), ip->name, NULL, &err);
        if (rc != RETOUR_OK)
            fail_load(ip->name, rc, &err);
        sweep_policy(s, ip->name, p);
        retour_policy_free(p);
    }
}

/* Runs last: the sweep reached every outcome and basis, both kinds of refusal (a request
 * the policy cannot decide, an amount that overflows), decisions saying
 * category_not_listed and requests refused for a day before their order, so it did not
 * pass by comparing nothing of interest. */
static void test_sweep_reached_everything(void **state)
{
    const sweep *s = *state;
    print_message("fast path sweep%s: %lu evaluations compared (%lu refused alike by both)\n",
                  s->full ? " (RETOUR_SWEEP=full)" : "", s->compared, s->refused);
    for (int o = 0; o < RETOUR_OUTCOME__COUNT; o++)
        if (!(s->outcomes_seen & 1u << o))
            fail_msg("no decision with outcome %s", retour_outcome_name((retour_outcome)o));
    for (int b = 0; b < RETOUR_BASIS__COUNT; b++)
        if (!(s->bases_seen & 1u << b))
            fail_msg("no decision on basis %s", retour_basis_name((retour_basis)b));
    assert_true(s->errors_seen & 1u << -RETOUR_EREQUEST);
    assert_true(s->errors_seen & 1u << -RETOUR_ERANGE);
    assert_true(s->unlisted > 0);
    assert_true(s->before_order > 0);
    assert_true(s->refused < s->compared);
}

static int setup_sweep(void **state)
{
    sweep *s = calloc(1, sizeof *s);
    if (s == NULL)
        return -1;
    const char *mode = getenv("RETOUR_SWEEP");
    s->full = mode != NULL && strcmp(mode, "full") == 0;
    if (retour_request_new(&s->request, RETOUR_REQUEST_WITHDRAWAL, NULL) != RETOUR_OK ||
        retour_decision_new(&s->fast, NULL) != RETOUR_OK ||
        retour_decision_new(&s->reference, NULL) != RETOUR_OK) {
        retour_request_free(s->request);
        retour_decision_free(s->fast);
        free(s);
        return -1;
    }
    *state = s;
    return 0;
}

static int teardown_sweep(void **state)
{
    sweep *s = *state;
    retour_request_free(s->request);
    retour_decision_free(s->fast);
    retour_decision_free(s->reference);
    free(s->json_fast.text);
    free(s->json_reference.text);
    free(s);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_example_policies),
        cmocka_unit_test(test_bench_and_test_data_policies),
        cmocka_unit_test(test_inline_policies),
        cmocka_unit_test(test_sweep_reached_everything),
    };
    return cmocka_run_group_tests(tests, setup_sweep, teardown_sweep);
}
