/* Policy load: each policy file given is loaded and freed repeatedly; prints the median
 * of 5 runs in microseconds per load, and the allocations one load makes.
 *   bench_load POLICY.yaml... */
#include <retour.h>

#include <stdio.h>
#include <stdlib.h>
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

static int load(const char *path, const retour_options *opts)
{
    retour_policy *p = NULL;
    retour_error err;
    if (retour_policy_load_file(&p, path, opts, &err)) {
        fprintf(stderr, "bench_load: %s: %s\n", path, err.message);
        return 1;
    }
    retour_policy_free(p);
    return 0;
}

int main(int argc, char **argv)
{
    retour_options opts = RETOUR_OPTIONS_INIT;
    opts.allocator = &counting;
    if (argc < 2) {
        fprintf(stderr, "usage: %s POLICY.yaml...\n", argv[0]);
        return 2;
    }
    for (int a = 1; a < argc; a++) {
        size_t before = allocations;
        if (load(argv[a], &opts))
            return 1;
        size_t allocs = allocations - before;
        enum { LOADS = 2000 };
        double runs[5];
        for (int i = 0; i < LOADS / 10; i++) /* warm-up */
            load(argv[a], &opts);
        for (int r = 0; r < 5; r++) {
            double t0 = now_ns();
            for (int i = 0; i < LOADS; i++)
                load(argv[a], &opts);
            runs[r] = (now_ns() - t0) / LOADS / 1000.0;
        }
        qsort(runs, 5, sizeof runs[0], cmp_double);
        printf("policy load %-60s %7.1f us/load (target < 100), %zu allocations\n", argv[a],
               runs[2], allocs);
    }
    return 0;
}
