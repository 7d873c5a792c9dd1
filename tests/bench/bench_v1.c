/* bench-v1 (../shared/bench/bench-v1/WORKLOAD.md) through libretour's public API.
 *
 *   bench_v1 POLICY.yaml DATA_DIR [--check] [--floor C_BASELINE] [--jsonl-out FILE]
 *            [--runs N] [--only-eval]
 *
 * DATA_DIR holds what the workload's gen.js writes: requests.csv and expected_counts.json.
 * Every row becomes a retour_request (built before any timing): notified 2027-01-15,
 * delivered that day minus days_since_delivery, one item of the row's category, packaging
 * and price, the customer's order count (tests/bench/bench-v1-policy.yaml says why that
 * day). Then:
 *   1. evaluate: one retour_evaluate() per request, one reused decision, the outcome and the
 *      deciding reason (retour_decision_deciding_reason) read back and counted; one warm-up
 *      pass (its counts are checked against expected_counts.json: any difference is a
 *      failure), then 5 timed passes (median), each of which must give the same counts;
 *      allocations counted through the allocator hook during the timed passes;
 *   1b. verdict: the same with retour_evaluate_verdict(), which answers outcome and
 *      deciding reason without building the decision (its counts checked the same way);
 *   1c. cases: the same rows as retour_case structs (codes and numbers, the category as
 *      its retour_category_id), through retour_evaluate_case() and
 *      retour_evaluate_case_verdict(), counted and checked the same way. The case verdict
 *      is the call the workload's rules compare with the floor (a struct of enum codes
 *      and integers in, outcome and reason out); the ratios of the others are printed
 *      for comparison;
 *   2. the hand-written floor (the workload's c_baseline, given with --floor) run from here
 *      over the same CSV, so that the ratio comes from one run on one machine;
 *   3. parse + evaluate: the same requests as one-line JSON requests, read by
 *      retour_request_parse_json() into one reused request, then evaluated and counted.
 * --check: one pass of 1, 1b and 3, counts only, no timing (the plain `meson test`).
 * --jsonl-out FILE: also write the JSON requests of 3 to FILE (input for a batch run).
 * --runs N: N timed passes instead of 5; --only-eval: skip 3 (both for profiling).
 * Exit status: 0 when every count matches, 1 on a mismatch or any failure, 2 usage. */
#include <retour.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define RUNS_MAX 1000
static int runs = 5; /* timed passes; --runs N (for profiling) */
#define NOTIFIED_Y 2027
#define NOTIFIED_M 1
#define NOTIFIED_D 15

/* The workload's reason names; our codes map onto them (map_code below). */
enum wreason {
    W_NONE = 0,
    W_EXCLUDED_PERSONALISED,
    W_EXCLUDED_PERISHABLE,
    W_EXCLUDED_UNSEALED,
    W_DIMINISHED_VALUE,
    W_WITHIN_WITHDRAWAL_PERIOD,
    W_GOODWILL_LOYAL_SMALL,
    W_WITHDRAWAL_PERIOD_EXPIRED,
    W_PRESUMED_DEFECT,
    W_PROOF_REQUIRED,
    W_GUARANTEE_EXPIRED,
    W__COUNT
};

static const char *const wreason_names[W__COUNT] = {
    "", "excluded_personalised", "excluded_perishable", "excluded_unsealed",
    "diminished_value", "within_withdrawal_period", "goodwill_loyal_small",
    "withdrawal_period_expired", "presumed_defect", "proof_required", "guarantee_expired",
};

/* Our reason code -> the workload's name; codes not listed take no part in the key. */
static const struct { const char *code; enum wreason w; } code_map[] = {
    { "excluded_personalised", W_EXCLUDED_PERSONALISED },
    { "excluded_perishable", W_EXCLUDED_PERISHABLE },
    { "excluded_unsealed_hygiene", W_EXCLUDED_UNSEALED },
    { "excluded_unsealed_media", W_EXCLUDED_UNSEALED },
    { "damaged_review", W_DIMINISHED_VALUE },
    { "within_withdrawal_period", W_WITHIN_WITHDRAWAL_PERIOD },
    { "goodwill_rule", W_GOODWILL_LOYAL_SMALL },
    { "withdrawal_period_expired", W_WITHDRAWAL_PERIOD_EXPIRED },
    { "presumed_defect", W_PRESUMED_DEFECT },
    { "evidence_required", W_PROOF_REQUIRED },
    { "guarantee_expired", W_GUARANTEE_EXPIRED },
};

typedef long counts[RETOUR_OUTCOME__COUNT][W__COUNT];

/* Reason codes are static strings, so a code seen once is recognised by its pointer: the
 * timed loop looks the pointer up in a small direct-mapped cache, and the strings are
 * compared only when a code is not cached yet (or was pushed out by another). */
#define CACHE_SLOTS 256
typedef struct code_cache {
    const char *ptr[CACHE_SLOTS];
    unsigned char w[CACHE_SLOTS];
} code_cache;

static enum wreason map_code(code_cache *cc, const char *code)
{
    size_t slot = ((uintptr_t)code >> 3) % CACHE_SLOTS;
    if (cc->ptr[slot] == code)
        return (enum wreason)cc->w[slot];
    enum wreason w = W_NONE;
    for (size_t i = 0; i < sizeof code_map / sizeof code_map[0]; i++)
        if (strcmp(code_map[i].code, code) == 0)
            w = code_map[i].w;
    cc->ptr[slot] = code;
    cc->w[slot] = (unsigned char)w;
    return w;
}

/* The decision's key: its outcome and its deciding reason (the period, or what decided
 * the item after it: an exclusion, the packaging, goodwill). */
static void count_decision(counts c, code_cache *cc, const retour_decision *d)
{
    const retour_reason *why = retour_decision_deciding_reason(d);
    c[retour_decision_outcome(d)][why ? map_code(cc, why->code) : W_NONE]++;
}

/* ---- counting allocator ---------------------------------------------------------- */

static size_t allocations;
static void *count_malloc(void *ctx, size_t n) { (void)ctx; allocations++; return malloc(n); }
static void *count_realloc(void *ctx, void *p, size_t n) { (void)ctx; allocations++; return realloc(p, n); }
static void count_free(void *ctx, void *p) { (void)ctx; free(p); }
static const retour_allocator counting = { count_malloc, count_realloc, count_free, NULL };

/* ---- input ----------------------------------------------------------------------- */

typedef struct row {
    int complaint;
    int days;
    char category[16];
    retour_packaging packaging;
    int price;
    int orders;
} row;

static void die(const char *what, const char *detail)
{
    fprintf(stderr, "bench_v1: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    exit(1);
}

static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    if (!p)
        die("out of memory", NULL);
    snprintf(p, n, "%s/%s", dir, name);
    return p;
}

static row *read_csv(const char *path, size_t *count)
{
    FILE *f = fopen(path, "r");
    if (!f)
        die("cannot open", path);
    char line[256];
    size_t n = 0, cap = 0;
    row *rows = NULL;
    if (!fgets(line, sizeof line, f) ||
        strcmp(line, "kind,days_since_delivery,category,packaging,price_cents,"
                     "customer_order_count\n") != 0)
        die("unexpected CSV header", path);
    while (fgets(line, sizeof line, f)) {
        char kind[16], pkg[16];
        row r;
        if (sscanf(line, "%15[^,],%d,%15[^,],%15[^,],%d,%d", kind, &r.days, r.category, pkg,
                   &r.price, &r.orders) != 6)
            die("bad CSV line", line);
        r.complaint = strcmp(kind, "complaint") == 0;
        if (!r.complaint && strcmp(kind, "withdrawal") != 0)
            die("unknown kind", kind);
        if (strcmp(pkg, "sealed") == 0)
            r.packaging = RETOUR_PACKAGING_SEALED;
        else if (strcmp(pkg, "opened") == 0)
            r.packaging = RETOUR_PACKAGING_OPENED;
        else if (strcmp(pkg, "damaged") == 0)
            r.packaging = RETOUR_PACKAGING_DAMAGED;
        else
            die("unknown packaging", pkg);
        if (n == cap) {
            cap = cap ? 2 * cap : 4096;
            rows = realloc(rows, cap * sizeof *rows);
            if (!rows)
                die("out of memory", NULL);
        }
        rows[n++] = r;
    }
    fclose(f);
    *count = n;
    return rows;
}

/* expected_counts.json: one "outcome/reason": n pair per line (gen.js writes it so). */
static void read_expected(const char *path, counts out)
{
    FILE *f = fopen(path, "r");
    if (!f)
        die("cannot open", path);
    memset(out, 0, sizeof(counts));
    char line[256], key[128];
    long value;
    while (fgets(line, sizeof line, f)) {
        if (sscanf(line, " \"%127[^\"]\": %ld", key, &value) != 2)
            continue;
        char *slash = strchr(key, '/');
        int o = -1, w = -1;
        if (slash) {
            *slash = 0;
            for (int i = 0; i < RETOUR_OUTCOME__COUNT; i++)
                if (strcmp(retour_outcome_name((retour_outcome)i), key) == 0)
                    o = i;
            for (int i = 1; i < W__COUNT; i++)
                if (strcmp(wreason_names[i], slash + 1) == 0)
                    w = i;
        }
        if (o < 0 || w < 0)
            die("unknown key in expected counts", key);
        out[o][w] = value;
    }
    fclose(f);
}

/* Prints every pair that differs; returns the number of them. */
static int compare(const char *what, counts got, counts want)
{
    int bad = 0;
    for (int o = 0; o < RETOUR_OUTCOME__COUNT; o++)
        for (int w = 0; w < W__COUNT; w++)
            if (got[o][w] != want[o][w]) {
                fprintf(stderr, "%s: %s/%s: %ld, expected %ld\n", what,
                        retour_outcome_name((retour_outcome)o),
                        w ? wreason_names[w] : "(no workload reason)", got[o][w], want[o][w]);
                bad++;
            }
    return bad;
}

static void format_date(char out[11], retour_date day)
{
    if (retour_date_format(out, day))
        die("date out of range", NULL);
}

/* ---- timing ---------------------------------------------------------------------- */

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof v[0], cmp_double);
    return v[n / 2];
}

/* ---- the passes ------------------------------------------------------------------ */

typedef struct bench {
    const retour_policy *policy;
    retour_request **requests; /* prebuilt, one per row */
    retour_case *cases;        /* the same rows as cases */
    retour_request *scratch;   /* the JSON reader's reused request */
    retour_decision *decision;
    size_t n;
    const char *json;          /* the JSON requests, one after another */
    size_t *json_off;          /* n + 1 offsets into json */
    code_cache cache;
} bench;

static void pass_eval(bench *b, counts c)
{
    memset(c, 0, sizeof(counts));
    for (size_t i = 0; i < b->n; i++) {
        if (retour_evaluate(b->decision, b->policy, b->requests[i], NULL))
            die("retour_evaluate failed", NULL);
        count_decision(c, &b->cache, b->decision);
    }
}

/* The same requests through retour_evaluate_verdict(): outcome and deciding reason only. */
static void pass_verdict(bench *b, counts c)
{
    memset(c, 0, sizeof(counts));
    retour_verdict v;
    for (size_t i = 0; i < b->n; i++) {
        if (retour_evaluate_verdict(&v, b->decision, b->policy, b->requests[i], NULL))
            die("retour_evaluate_verdict failed", NULL);
        c[v.outcome][map_code(&b->cache, v.reason)]++;
    }
}

static void pass_case(bench *b, counts c)
{
    memset(c, 0, sizeof(counts));
    for (size_t i = 0; i < b->n; i++) {
        if (retour_evaluate_case(b->decision, b->policy, &b->cases[i], NULL))
            die("retour_evaluate_case failed", NULL);
        count_decision(c, &b->cache, b->decision);
    }
}

static void pass_case_verdict(bench *b, counts c)
{
    memset(c, 0, sizeof(counts));
    retour_verdict v;
    for (size_t i = 0; i < b->n; i++) {
        if (retour_evaluate_case_verdict(&v, b->decision, b->policy, &b->cases[i], NULL))
            die("retour_evaluate_case_verdict failed", NULL);
        c[v.outcome][map_code(&b->cache, v.reason)]++;
    }
}

static void pass_json(bench *b, counts c)
{
    memset(c, 0, sizeof(counts));
    retour_error err;
    for (size_t i = 0; i < b->n; i++) {
        const char *text = b->json + b->json_off[i];
        size_t len = b->json_off[i + 1] - b->json_off[i];
        if (retour_request_parse_json(b->scratch, b->policy, text, len, "bench-v1", &err) ||
            retour_evaluate(b->decision, b->policy, b->scratch, &err))
            die("JSON request failed", err.message);
        count_decision(c, &b->cache, b->decision);
    }
}

/* The JSON API: request text in, decision JSON out. The outcome and deciding reason are
 * read back from the text (the first "outcome" value, and the code of the deciding reason
 * found by the library's own rule would need the decision: so the check reads the verdict
 * form's fields, and the other forms are checked by their outcome only, against the same
 * pass of the verdict form). */
static retour_outcome outcome_of(const char *json)
{
    /* {"outcome":"X" ...: the outcome's name starts at byte 12. */
    const char *o = json + 12;
    switch (o[0]) {
    case 'a': return o[6] == '_' ? RETOUR_OUTCOME_ACCEPT_GOODWILL : RETOUR_OUTCOME_ACCEPT;
    case 'p': return RETOUR_OUTCOME_PARTIAL;
    case 'r': return o[2] == 'v' ? RETOUR_OUTCOME_REVIEW : RETOUR_OUTCOME_REJECT;
    default: return RETOUR_OUTCOME__COUNT;
    }
}

static retour_evaluator *the_evaluator;

/* Counts the verdict JSON {"outcome":"X","deciding_reason":"Y",...} like a verdict. */
static void count_verdict_json(bench *b, counts c, const char *json)
{
    retour_outcome o = outcome_of(json);
    const char *r = strstr(json, "\"deciding_reason\":\"");
    char code[64] = "";
    if (r) {
        r += 19;
        size_t k = strcspn(r, "\"");
        if (k < sizeof code) {
            memcpy(code, r, k);
            code[k] = 0;
        }
    }
    enum wreason w = W_NONE;
    for (size_t i = 0; i < sizeof code_map / sizeof code_map[0]; i++)
        if (strcmp(code_map[i].code, code) == 0)
            w = code_map[i].w;
    (void)b;
    if (o < RETOUR_OUTCOME__COUNT)
        c[o][w]++;
}

/* The outcome counts of a pass that cannot see the deciding reason: every request's
 * outcome, filed under its expected reason by the verdict form's pass (check_outcomes). */
static retour_outcome *expected_outcomes;

static void count_outcome(counts c, size_t i, const char *json, int *bad)
{
    retour_outcome o = outcome_of(json);
    if (expected_outcomes && o != expected_outcomes[i])
        (*bad)++;
    c[o][W_NONE]++;
}

static void pass_json_call(bench *b, counts c)
{
    memset(c, 0, sizeof(counts));
    retour_error err;
    int bad = 0;
    for (size_t i = 0; i < b->n; i++) {
        const char *text = b->json + b->json_off[i];
        size_t len = b->json_off[i + 1] - b->json_off[i];
        char *out = NULL;
        if (retour_evaluate_json(&out, NULL, b->policy, text, len, RETOUR_LANG_EN, &err))
            die("retour_evaluate_json failed", err.message);
        count_outcome(c, i, out, &bad);
        retour_string_free(out);
    }
    if (bad)
        die("retour_evaluate_json: outcomes differ from the verdict's", NULL);
}

static void pass_evaluator(bench *b, counts c, retour_json_form form)
{
    memset(c, 0, sizeof(counts));
    retour_error err;
    int bad = 0;
    for (size_t i = 0; i < b->n; i++) {
        const char *text = b->json + b->json_off[i];
        size_t len = b->json_off[i + 1] - b->json_off[i];
        const char *out;
        if (retour_evaluator_evaluate_json(&out, NULL, the_evaluator, text, len, form,
                                           RETOUR_LANG_EN, &err))
            die("retour_evaluator_evaluate_json failed", err.message);
        if (form == RETOUR_JSON_VERDICT)
            count_verdict_json(b, c, out);
        else
            count_outcome(c, i, out, &bad);
    }
    if (bad)
        die("evaluator: outcomes differ from the verdict's", NULL);
}

static void pass_evaluator_full(bench *b, counts c) { pass_evaluator(b, c, RETOUR_JSON_FULL); }
static void pass_evaluator_compact(bench *b, counts c) { pass_evaluator(b, c, RETOUR_JSON_COMPACT); }
static void pass_evaluator_verdict(bench *b, counts c) { pass_evaluator(b, c, RETOUR_JSON_VERDICT); }

/* evaluate_many in batches of MANY_BATCH requests: one call per batch. */
#define MANY_BATCH 256
static size_t *json_lengths;

static void pass_many(bench *b, counts c, retour_json_form form)
{
    memset(c, 0, sizeof(counts));
    retour_error err;
    int bad = 0;
    for (size_t i = 0; i < b->n; i += MANY_BATCH) {
        size_t k = b->n - i < MANY_BATCH ? b->n - i : MANY_BATCH;
        const char *out;
        size_t failed;
        if (retour_evaluator_evaluate_many(&out, NULL, &failed, the_evaluator,
                                           b->json + b->json_off[i], json_lengths + i, k, form,
                                           RETOUR_LANG_EN, &err) || failed)
            die("retour_evaluator_evaluate_many failed", err.message);
        for (size_t j = 0; j < k; j++) {
            if (form == RETOUR_JSON_VERDICT)
                count_verdict_json(b, c, out);
            else
                count_outcome(c, i + j, out, &bad);
            out = strchr(out, '\n') + 1;
        }
    }
    if (bad)
        die("evaluate_many: outcomes differ from the verdict's", NULL);
}

static void pass_many_full(bench *b, counts c) { pass_many(b, c, RETOUR_JSON_FULL); }
static void pass_many_compact(bench *b, counts c) { pass_many(b, c, RETOUR_JSON_COMPACT); }
static void pass_many_verdict(bench *b, counts c) { pass_many(b, c, RETOUR_JSON_VERDICT); }

/* Warm-up (checked against want), then RUNS timed passes; returns the median ns per
 * request and the allocations of the timed passes in *allocs. */
static double time_passes(bench *b, void (*pass)(bench *, counts), const char *what,
                          counts want, size_t *allocs, int *failed)
{
    counts got;
    static double ns[RUNS_MAX];
    pass(b, got);
    if (compare(what, got, want))
        *failed = 1;
    size_t before = allocations;
    for (int r = 0; r < runs; r++) {
        double t0 = now_ns();
        pass(b, got);
        ns[r] = (now_ns() - t0) / (double)b->n;
        if (compare(what, got, want))
            *failed = 1;
    }
    *allocs = allocations - before;
    return median(ns, runs);
}

/* Runs the hand-written floor over the same CSV; checks its counts and returns the
 * median ns per request of its timed passes (its own protocol: COUNT and RUN_NS lines). */
static double run_floor(const char *exe, const char *csv, size_t n, int *failed)
{
    char cmd[4096];
    if (strchr(exe, '\'') || strchr(csv, '\''))
        die("paths must not contain a quote", NULL);
    snprintf(cmd, sizeof cmd, "'%s' '%s'", exe, csv);
    FILE *p = popen(cmd, "r");
    if (!p)
        die("cannot run", exe);
    char line[512];
    double ns[64];
    int nruns = 0;
    long total = 0;
    while (fgets(line, sizeof line, p)) {
        unsigned long long v;
        long k;
        if (sscanf(line, "RUN_NS %llu", &v) == 1 && nruns < 64)
            ns[nruns++] = (double)v / (double)n;
        else if (sscanf(line, "COUNT %*s %ld", &k) == 1)
            total += k;
        else if (strncmp(line, "ERROR", 5) == 0) {
            fprintf(stderr, "floor: %s", line);
            *failed = 1;
        }
    }
    if (pclose(p) != 0 || nruns == 0 || total != (long)n) {
        fprintf(stderr, "floor: failed (%d timed runs, %ld of %zu requests counted)\n", nruns,
                total, n);
        *failed = 1;
        return 0;
    }
    return median(ns, nruns);
}

static const char *packaging_name(retour_packaging p)
{
    return p == RETOUR_PACKAGING_SEALED ? "sealed" : p == RETOUR_PACKAGING_OPENED ? "opened"
                                                                                  : "damaged";
}

int main(int argc, char **argv)
{
    const char *floor_exe = NULL, *jsonl_out = NULL;
    int check_only = 0, only_eval = 0;
    if (argc < 3) {
        fprintf(stderr, "usage: %s POLICY.yaml DATA_DIR [--check] [--floor C_BASELINE] "
                        "[--jsonl-out FILE]\n", argv[0]);
        return 2;
    }
    for (int i = 3; i < argc; i++) {
        if (strcmp(argv[i], "--check") == 0)
            check_only = 1;
        else if (strcmp(argv[i], "--floor") == 0 && i + 1 < argc)
            floor_exe = argv[++i];
        else if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc && atoi(argv[i + 1]) > 0 &&
                 atoi(argv[i + 1]) <= RUNS_MAX)
            runs = atoi(argv[++i]);
        else if (strcmp(argv[i], "--only-eval") == 0)
            only_eval = 1;
        else if (strcmp(argv[i], "--jsonl-out") == 0 && i + 1 < argc)
            jsonl_out = argv[++i];
        else {
            fprintf(stderr, "bench_v1: unknown argument '%s'\n", argv[i]);
            return 2;
        }
    }

    retour_options opts = RETOUR_OPTIONS_INIT;
    opts.allocator = &counting;
    retour_error err;
    retour_policy *policy = NULL;
    /* The counting allocator: retour_evaluate_json() allocates through the policy's. */
    if (retour_policy_load_file(&policy, argv[1], &opts, &err))
        die("cannot load the policy", err.message);

    char *csv_path = join(argv[2], "requests.csv");
    char *expected_path = join(argv[2], "expected_counts.json");
    size_t n;
    row *rows = read_csv(csv_path, &n);
    counts want;
    read_expected(expected_path, want);

    retour_date notified;
    retour_date_from_ymd(&notified, NOTIFIED_Y, NOTIFIED_M, NOTIFIED_D);
    char notified_text[11];
    format_date(notified_text, notified);

    /* Build the requests through the API, and the same requests as JSON text. */
    bench b;
    memset(&b, 0, sizeof b);
    b.policy = policy;
    b.n = n;
    b.requests = calloc(n, sizeof *b.requests);
    b.cases = calloc(n, sizeof *b.cases);
    b.json_off = malloc((n + 1) * sizeof *b.json_off);
    size_t json_cap = n * 256;
    char *json = malloc(json_cap);
    if (!b.requests || !b.cases || !b.json_off || !json)
        die("out of memory", NULL);
    size_t json_len = 0;
    for (size_t i = 0; i < n; i++) {
        const row *r = &rows[i];
        retour_request *q = NULL;
        retour_date delivered = notified - r->days;
        if (retour_request_new(&q, r->complaint ? RETOUR_REQUEST_COMPLAINT
                                                : RETOUR_REQUEST_WITHDRAWAL, &opts) ||
            retour_request_set_notified(q, notified) ||
            retour_request_set_customer(q, r->orders, 0) ||
            retour_request_add_item(q, NULL, "B1", r->category, r->price, 1, delivered,
                                    r->packaging))
            die("cannot build a request", NULL);
        b.requests[i] = q;
        retour_case cs = RETOUR_CASE_INIT;
        cs.type = r->complaint ? RETOUR_REQUEST_COMPLAINT : RETOUR_REQUEST_WITHDRAWAL;
        cs.notified = notified;
        cs.delivered = delivered;
        cs.category = retour_category_id(r->category);
        cs.packaging = (uint8_t)r->packaging;
        cs.price = r->price;
        cs.customer_orders = r->orders;
        b.cases[i] = cs;
        char day[11];
        format_date(day, delivered);
        b.json_off[i] = json_len;
        json_len += (size_t)snprintf(json + json_len, json_cap - json_len,
            "{\"type\":\"%s\",\"notified\":\"%s\",\"customer\":{\"orders\":%d},"
            "\"items\":[{\"sku\":\"B1\",\"category\":\"%s\",\"price\":\"%d.%02d\","
            "\"delivered\":\"%s\",\"packaging\":\"%s\"}]}",
            r->complaint ? "complaint" : "withdrawal", notified_text, r->orders, r->category,
            r->price / 100, r->price % 100, day, packaging_name(r->packaging));
    }
    b.json_off[n] = json_len;
    b.json = json;
    if (retour_request_new(&b.scratch, RETOUR_REQUEST_WITHDRAWAL, &opts) ||
        retour_decision_new(&b.decision, &opts))
        die("out of memory", NULL);

    if (retour_evaluator_new(&the_evaluator, policy, &opts))
        die("cannot create an evaluator", NULL);
    json_lengths = malloc(n * sizeof *json_lengths);
    expected_outcomes = malloc(n * sizeof *expected_outcomes);
    if (!json_lengths || !expected_outcomes)
        die("out of memory", NULL);
    counts want_outcomes;
    memset(want_outcomes, 0, sizeof want_outcomes);
    for (size_t i = 0; i < n; i++) {
        retour_verdict v;
        json_lengths[i] = b.json_off[i + 1] - b.json_off[i];
        if (retour_evaluate_verdict(&v, b.decision, policy, b.requests[i], NULL))
            die("retour_evaluate_verdict failed", NULL);
        expected_outcomes[i] = v.outcome;
        want_outcomes[v.outcome][W_NONE]++;
    }

    if (jsonl_out) {
        FILE *f = fopen(jsonl_out, "w");
        if (!f)
            die("cannot write", jsonl_out);
        for (size_t i = 0; i < n; i++) {
            fwrite(json + b.json_off[i], 1, b.json_off[i + 1] - b.json_off[i], f);
            fputc('\n', f);
        }
        if (fclose(f))
            die("cannot write", jsonl_out);
    }

    int failed = 0;
    counts got;
    if (check_only) {
        pass_eval(&b, got);
        failed |= compare("evaluate", got, want) != 0;
        pass_verdict(&b, got);
        failed |= compare("verdict", got, want) != 0;
        pass_case(&b, got);
        failed |= compare("case", got, want) != 0;
        pass_case_verdict(&b, got);
        failed |= compare("case verdict", got, want) != 0;
        pass_json(&b, got);
        failed |= compare("parse JSON + evaluate", got, want) != 0;
        static const struct { void (*pass)(bench *, counts); const char *what; int verdict; }
            api[] = {
                { pass_json_call, "retour_evaluate_json", 0 },
                { pass_evaluator_full, "evaluator, full", 0 },
                { pass_evaluator_compact, "evaluator, compact", 0 },
                { pass_evaluator_verdict, "evaluator, verdict", 1 },
                { pass_many_full, "evaluate_many, full", 0 },
                { pass_many_compact, "evaluate_many, compact", 0 },
                { pass_many_verdict, "evaluate_many, verdict", 1 },
            };
        for (size_t k = 0; k < sizeof api / sizeof api[0]; k++) {
            api[k].pass(&b, got);
            failed |= compare(api[k].what, got, api[k].verdict ? want : want_outcomes) != 0;
        }
        printf("bench-v1: %zu requests, %s\n", n,
               failed ? "counts DIFFER from expected_counts.json"
                      : "counts match expected_counts.json (evaluate, verdict, cases, JSON "
                        "reader, JSON API)");
    } else {
        size_t eval_allocs, verdict_allocs, case_allocs, case_verdict_allocs, json_allocs = 0;
        double eval_ns = time_passes(&b, pass_eval, "evaluate", want, &eval_allocs, &failed);
        double verdict_ns = time_passes(&b, pass_verdict, "verdict", want, &verdict_allocs,
                                        &failed);
        double case_ns = time_passes(&b, pass_case, "case", want, &case_allocs, &failed);
        double case_verdict_ns = time_passes(&b, pass_case_verdict, "case verdict", want,
                                             &case_verdict_allocs, &failed);
        double floor_ns = floor_exe ? run_floor(floor_exe, csv_path, n, &failed) : 0;
        double json_ns = only_eval ? 0 : time_passes(&b, pass_json, "parse JSON + evaluate",
                                                     want, &json_allocs, &failed);
        /* The JSON API (issue 22): text in, JSON out. */
        size_t call_allocs = 0, ev_allocs[3] = { 0 }, many_allocs[3] = { 0 };
        double call_ns = 0, ev_ns[3] = { 0 }, many_ns[3] = { 0 };
        if (!only_eval) {
            call_ns = time_passes(&b, pass_json_call, "retour_evaluate_json", want_outcomes,
                                  &call_allocs, &failed);
            ev_ns[0] = time_passes(&b, pass_evaluator_full, "evaluator, full", want_outcomes,
                                   &ev_allocs[0], &failed);
            ev_ns[1] = time_passes(&b, pass_evaluator_compact, "evaluator, compact",
                                   want_outcomes, &ev_allocs[1], &failed);
            ev_ns[2] = time_passes(&b, pass_evaluator_verdict, "evaluator, verdict", want,
                                   &ev_allocs[2], &failed);
            many_ns[0] = time_passes(&b, pass_many_full, "evaluate_many, full", want_outcomes,
                                     &many_allocs[0], &failed);
            many_ns[1] = time_passes(&b, pass_many_compact, "evaluate_many, compact",
                                     want_outcomes, &many_allocs[1], &failed);
            many_ns[2] = time_passes(&b, pass_many_verdict, "evaluate_many, verdict", want,
                                     &many_allocs[2], &failed);
        }
        printf("bench-v1: %zu requests, policy %s, notified %s\n", n, argv[1], notified_text);
        printf("counts vs expected_counts.json:   %s\n", failed ? "DIFFER" : "match");
        printf("evaluate (C API, prebuilt):       %7.1f ns/eval  %12.0f evals/s  "
               "(median of %d passes)\n", eval_ns, 1e9 / eval_ns, runs);
        printf("allocations while evaluating:     %zu in %zu evaluations (target 0)\n",
               eval_allocs, (size_t)runs * n);
        printf("verdict (outcome + reason only):  %7.1f ns/eval  %12.0f evals/s  "
               "(median of %d passes)\n", verdict_ns, 1e9 / verdict_ns, runs);
        printf("allocations while answering:      %zu in %zu verdicts (target 0)\n",
               verdict_allocs, (size_t)runs * n);
        printf("case (retour_case, decision):     %7.1f ns/eval  %12.0f evals/s\n",
               case_ns, 1e9 / case_ns);
        printf("case verdict:                     %7.1f ns/eval  %12.0f evals/s\n",
               case_verdict_ns, 1e9 / case_verdict_ns);
        printf("allocations with cases:           %zu in %zu evaluations (target 0)\n",
               case_allocs + case_verdict_allocs, (size_t)runs * n * 2);
        if (floor_exe && floor_ns > 0)
            /* The workload compares a call that takes "a struct of enum codes and
             * integers" and answers outcome and reason (WORKLOAD.md, "Correctness and
             * measurement rules"): the case verdict. The others do more, and show what. */
            printf("hand-written floor (c_baseline):  %7.1f ns/eval  %12.0f evals/s\n"
                   "ratio to the floor, case verdict: %7.2f x (target <= 3: the workload's "
                   "call, a struct of codes in, outcome and reason out)\n"
                   "ratio to the floor, verdict:      %7.2f x (for comparison: a request "
                   "handle in, its category found by name)\n"
                   "ratio to the floor, evaluate:     %7.2f x (for comparison: the full "
                   "decision, with reasons, citations, refund and deadlines)\n"
                   "ratio to the floor, case:         %7.2f x (for comparison: the full "
                   "decision of a case)\n",
                   floor_ns, 1e9 / floor_ns, case_verdict_ns / floor_ns, verdict_ns / floor_ns,
                   eval_ns / floor_ns, case_ns / floor_ns);
        else
            printf("hand-written floor:               not run (no --floor)\n");
        if (!only_eval) {
            printf("parse JSON + evaluate:            %7.1f ns/request (target < 2000), "
                   "%.0f bytes a request\n", json_ns, (double)json_len / (double)n);
            printf("allocations while parsing:        %zu in %zu requests (target 0)\n",
                   json_allocs, (size_t)runs * n);
            printf("JSON API, text in, JSON out (target <= 1000 ns a request):\n");
            printf("  retour_evaluate_json (one call): %7.1f ns/request, %.1f allocations a "
                   "request\n", call_ns, (double)call_allocs / ((double)runs * (double)n));
            static const char *const forms[3] = { "full", "compact", "verdict" };
            for (int f = 0; f < 3; f++)
                printf("  evaluator, %-8s              %7.1f ns/request, %zu allocations\n",
                       forms[f], ev_ns[f], ev_allocs[f]);
            for (int f = 0; f < 3; f++)
                printf("  evaluate_many (%d a call), %-8s %5.1f ns/request, %zu allocations\n",
                       MANY_BATCH, forms[f], many_ns[f], many_allocs[f]);
        }
    }

    for (size_t i = 0; i < n; i++)
        retour_request_free(b.requests[i]);
    retour_request_free(b.scratch);
    retour_evaluator_free(the_evaluator);
    free(json_lengths);
    free(expected_outcomes);
    retour_decision_free(b.decision);
    retour_policy_free(policy);
    free(b.requests);
    free(b.cases);
    free(b.json_off);
    free(json);
    free(rows);
    free(csv_path);
    free(expected_path);
    return failed ? 1 : 0;
}
