/* Micro-benchmarks: evaluation of a prebuilt request, parse + evaluate of a JSON request
 * (through libyaml and through the direct JSON reader), and policy load, with allocation counts through the allocator hook. Median of 5 runs.
 *   bench_eval POLICY.yaml REQUEST.json */
#include <retour.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static size_t allocations;

static void *count_malloc(void *ctx, size_t n) { (void)ctx; allocations++; return malloc(n); }
static void *count_realloc(void *ctx, void *p, size_t n) { (void)ctx; allocations++; return realloc(p, n); }
static void count_free(void *ctx, void *p) { (void)ctx; free(p); }

static const retour_allocator counting = { count_malloc, count_realloc, count_free, NULL };

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

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    *len = fread(buf, 1, (size_t)n, f);
    buf[*len] = 0;
    fclose(f);
    return buf;
}

typedef struct ctx {
    const char *policy_path;
    const char *text;
    size_t text_len;
    retour_policy *policy;
    retour_request *request;
    retour_decision *decision;
} ctx;

static void run_eval(ctx *c, long n)
{
    for (long i = 0; i < n; i++)
        retour_evaluate(c->decision, c->policy, c->request, NULL);
}

static void run_parse_eval(ctx *c, long n)
{
    for (long i = 0; i < n; i++) {
        retour_request *r = NULL;
        retour_request_parse(&r, c->policy, c->text, c->text_len, "bench", NULL, NULL);
        retour_evaluate(c->decision, c->policy, r, NULL);
        retour_request_free(r);
    }
}

/* The batch path: one request reused, read by retour_request_parse_json. */
static void run_json_eval(ctx *c, long n)
{
    for (long i = 0; i < n; i++) {
        retour_request_parse_json(c->request, c->policy, c->text, c->text_len, "bench", NULL);
        retour_evaluate(c->decision, c->policy, c->request, NULL);
    }
}

static void run_load(ctx *c, long n)
{
    for (long i = 0; i < n; i++) {
        retour_policy *p = NULL;
        retour_policy_load_file(&p, c->policy_path, NULL, NULL);
        retour_policy_free(p);
    }
}

static double median_ns(void (*fn)(ctx *, long), ctx *c, long n)
{
    double runs[5];
    fn(c, n / 10 + 1); /* warm-up */
    for (int r = 0; r < 5; r++) {
        double t0 = now_ns();
        fn(c, n);
        runs[r] = (now_ns() - t0) / (double)n;
    }
    qsort(runs, 5, sizeof runs[0], cmp_double);
    return runs[2];
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s POLICY.yaml REQUEST.json\n", argv[0]);
        return 2;
    }
    ctx c = { argv[1], NULL, 0, NULL, NULL, NULL };
    retour_options opts = RETOUR_OPTIONS_INIT;
    opts.allocator = &counting;
    retour_error err;
    char *text = slurp(argv[2], &c.text_len);
    c.text = text;
    if (!text || retour_policy_load_file(&c.policy, argv[1], &opts, &err) ||
        retour_request_parse(&c.request, c.policy, c.text, c.text_len, argv[2], &opts, &err) ||
        retour_decision_new(&c.decision, &opts) ||
        retour_evaluate(c.decision, c.policy, c.request, &err)) {
        fprintf(stderr, "setup failed: %s\n", err.message);
        return 1;
    }
    size_t before = allocations;
    retour_evaluate(c.decision, c.policy, c.request, NULL);
    size_t eval_allocs = allocations - before;

    printf("evaluate (prebuilt request):  %8.1f ns/eval, %zu allocations per warm evaluation\n",
           median_ns(run_eval, &c, 2000000), eval_allocs);
    printf("parse JSON + evaluate:        %8.1f ns/request\n",
           median_ns(run_parse_eval, &c, 200000));
    if (retour_request_parse_json(c.request, c.policy, c.text, c.text_len, "bench", &err)) {
        fprintf(stderr, "JSON reader: %s\n", err.message);
        return 1;
    }
    before = allocations;
    run_json_eval(&c, 10);
    size_t json_allocs = allocations - before;
    printf("direct JSON reader + evaluate: %8.1f ns/request, %zu allocations per warm request\n",
           median_ns(run_json_eval, &c, 1000000), json_allocs / 10);
    printf("policy load (%s): %8.1f us/load\n", argv[1],
           median_ns(run_load, &c, 20000) / 1000.0);
    retour_decision_free(c.decision);
    retour_request_free(c.request);
    retour_policy_free(c.policy);
    free(text);
    return 0;
}
