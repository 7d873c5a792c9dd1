<?php

declare(strict_types=1);

namespace Retour;

use FFI;

/**
 * Finds and loads libretour through PHP's FFI extension.
 *
 * Lookup order (the first one that applies wins; an explicit choice never falls back):
 *  1. an explicit argument (a path such as /usr/lib/libretour.so.1, or a bare loader name);
 *  2. the environment variable RETOUR_LIBRARY (a path to libretour.so);
 *  3. pkg-config: `pkg-config --variable=libdir retour`, then libretour.so.1 or libretour.so
 *     in that directory (skipped when pkg-config is not installed, proc_open is disabled,
 *     or the directory holds neither file);
 *  4. the system loader name "libretour.so.1" (ld.so.cache, LD_LIBRARY_PATH, ...).
 *
 * A loaded library is cached per resolved path, so FFI::cdef() runs once per process.
 */
final class Library
{
    /** The C declarations, pasted from include/retour.h (macros replaced by their values). */
    public const CDEF = <<<'C'
        const char *retour_version(void);
        int retour_version_number(void);

        typedef enum retour_status {
            RETOUR_OK = 0,
            RETOUR_EINVAL = -1,
            RETOUR_ENOMEM = -2,
            RETOUR_EIO = -3,
            RETOUR_ESYNTAX = -4,
            RETOUR_ESCHEMA = -5,
            RETOUR_ELIMIT = -6,
            RETOUR_ERANGE = -7,
            RETOUR_EREQUEST = -8
        } retour_status;

        typedef struct retour_error {
            int code;
            int line;
            int column;
            size_t offset;
            char file[256];
            char path[128];
            char message[512];
        } retour_error;

        const char *retour_strerror(int code);
        int retour_error_format(char *buf, size_t size, const retour_error *err);

        typedef struct retour_allocator {
            void *(*malloc)(void *ctx, size_t size);
            void *(*realloc)(void *ctx, void *ptr, size_t size);
            void (*free)(void *ctx, void *ptr);
            void *ctx;
        } retour_allocator;

        typedef struct retour_options {
            unsigned int version;
            const retour_allocator *allocator;
            size_t max_input_bytes;
            unsigned int max_depth;
            unsigned int max_items;
            size_t max_string_bytes;
            unsigned int lang;
        } retour_options;

        typedef int32_t retour_date;
        int retour_date_from_ymd(retour_date *out, int year, int month, int day);
        int retour_date_parse(retour_date *out, const char *text, size_t len);
        int retour_date_format(char *buf, retour_date date);

        typedef struct retour_policy retour_policy;
        int retour_policy_load_file(retour_policy **out, const char *path,
                                    const retour_options *options, retour_error *err);
        int retour_policy_load_string(retour_policy **out, const char *text, size_t len,
                                      const char *name, const retour_options *options,
                                      retour_error *err);
        void retour_policy_free(retour_policy *policy);
        const char *retour_policy_shop(const retour_policy *policy);
        const char *retour_policy_jurisdiction(const retour_policy *policy);
        const char *retour_policy_currency(const retour_policy *policy);
        int retour_policy_currency_decimals(const retour_policy *policy);

        typedef enum retour_request_type {
            RETOUR_REQUEST_WITHDRAWAL = 0,
            RETOUR_REQUEST_COMPLAINT = 1,
            RETOUR_REQUEST_TYPE__COUNT
        } retour_request_type;

        typedef enum retour_packaging {
            RETOUR_PACKAGING_UNKNOWN = 0,
            RETOUR_PACKAGING_SEALED = 1,
            RETOUR_PACKAGING_OPENED = 2,
            RETOUR_PACKAGING_DAMAGED = 3,
            RETOUR_PACKAGING_MISSING = 4,
            RETOUR_PACKAGING__COUNT
        } retour_packaging;

        typedef enum retour_cause {
            RETOUR_CAUSE_UNKNOWN = 0,
            RETOUR_CAUSE_DEFECT = 1,
            RETOUR_CAUSE_WEAR = 2,
            RETOUR_CAUSE_MISUSE = 3,
            RETOUR_CAUSE_ACCIDENT = 4,
            RETOUR_CAUSE__COUNT
        } retour_cause;

        typedef enum retour_remedy {
            RETOUR_REMEDY_NONE = 0,
            RETOUR_REMEDY_REPAIR = 1,
            RETOUR_REMEDY_REPLACE = 2,
            RETOUR_REMEDY_REFUND = 3,
            RETOUR_REMEDY_PRICE_REDUCTION = 4,
            RETOUR_REMEDY_STORE_CREDIT = 5,
            RETOUR_REMEDY_EXCHANGE = 6,
            RETOUR_REMEDY_PARTIAL_REFUND = 7,
            RETOUR_REMEDY_REPAIR_DISCOUNT = 8,
            RETOUR_REMEDY__COUNT
        } retour_remedy;

        const char *retour_cause_name(retour_cause cause);
        const char *retour_remedy_name(retour_remedy remedy);

        typedef enum retour_severity {
            RETOUR_SEVERITY_ERROR = 0,
            RETOUR_SEVERITY_WARNING = 1,
            RETOUR_SEVERITY_NOTE = 2,
            RETOUR_SEVERITY_INFO = 3
        } retour_severity;
        const char *retour_severity_name(retour_severity severity);
        typedef struct retour_diagnostic {
            retour_severity severity;
            const char *code;
            const char *file;
            int line;
            int column;
            size_t offset;
            const char *path;
            const char *message;
            const char *law;
            const char *fix;
        } retour_diagnostic;
        typedef int (*retour_diagnostic_fn)(void *ctx, const retour_diagnostic *diagnostic);
        int retour_policy_check(const char *text, size_t len, const char *name,
                                const retour_options *options, retour_diagnostic_fn fn,
                                void *fn_ctx, retour_error *err);
        int retour_policy_check_file(const char *path, const retour_options *options,
                                     retour_diagnostic_fn fn, void *fn_ctx, retour_error *err);
        int retour_diagnostic_format(char *buf, size_t size, const retour_diagnostic *diagnostic);

        typedef struct retour_request retour_request;
        int retour_request_new(retour_request **out, retour_request_type type,
                               const retour_options *options);
        void retour_request_free(retour_request *request);
        int retour_request_reset(retour_request *request, retour_request_type type);
        int retour_request_parse(retour_request **out, const retour_policy *policy,
                                 const char *text, size_t len, const char *name,
                                 const retour_options *options, retour_error *err);
        int retour_request_load_file(retour_request **out, const retour_policy *policy,
                                     const char *path, const retour_options *options,
                                     retour_error *err);
        int retour_request_parse_json(retour_request *request, const retour_policy *policy,
                                      const char *text, size_t len, const char *name,
                                      retour_error *err);
        int retour_request_set_notified(retour_request *request, retour_date notified);
        int retour_request_set_ordered(retour_request *request, retour_date ordered);
        int retour_request_set_shipping_paid(retour_request *request, int64_t minor);
        int retour_request_set_whole_order(retour_request *request, int whole_order);
        int retour_request_set_last_delivered(retour_request *request, retour_date date);
        int retour_request_set_goods_sent(retour_request *request, retour_date date);
        int retour_request_set_goods_received(retour_request *request, retour_date date);
        int retour_request_add_provided(retour_request *request, const char *word);
        int retour_request_set_customer(retour_request *request, int orders,
                                        int claims_last_year);
        int retour_request_set_customer_history(retour_request *request,
                                                int goodwill_last_year,
                                                int64_t lifetime_spend);
        int retour_request_set_customer_country(retour_request *request, const char *country);
        int retour_request_add_item(retour_request *request, size_t *index, const char *sku,
                                    const char *category, int64_t price, int quantity,
                                    retour_date delivered, retour_packaging packaging);
        int retour_request_set_item_complaint(retour_request *request, size_t item,
                                              retour_date noticed, retour_cause cause,
                                              int customer_admits_damage,
                                              retour_remedy remedy, int remedy_failed);
        size_t retour_request_item_count(const retour_request *request);

        typedef enum retour_outcome {
            RETOUR_OUTCOME_ACCEPT = 0,
            RETOUR_OUTCOME_ACCEPT_GOODWILL = 1,
            RETOUR_OUTCOME_PARTIAL = 2,
            RETOUR_OUTCOME_REVIEW = 3,
            RETOUR_OUTCOME_REJECT = 4,
            RETOUR_OUTCOME__COUNT
        } retour_outcome;

        typedef enum retour_basis {
            RETOUR_BASIS_WITHDRAWAL_RIGHT = 0,
            RETOUR_BASIS_SHOP_POLICY = 1,
            RETOUR_BASIS_GOODWILL = 2,
            RETOUR_BASIS_LEGAL_GUARANTEE = 3,
            RETOUR_BASIS_COMMERCIAL_GUARANTEE = 4,
            RETOUR_BASIS__COUNT
        } retour_basis;

        typedef enum retour_lang {
            RETOUR_LANG_EN = 0,
            RETOUR_LANG_NL = 1,
            RETOUR_LANG__COUNT
        } retour_lang;

        typedef enum retour_payer {
            RETOUR_PAYER_CUSTOMER = 0,
            RETOUR_PAYER_SHOP = 1,
            RETOUR_PAYER__COUNT
        } retour_payer;

        typedef struct retour_decision retour_decision;
        int retour_decision_new(retour_decision **out, const retour_options *options);
        void retour_decision_free(retour_decision *decision);
        int retour_evaluate(retour_decision *decision, const retour_policy *policy,
                            const retour_request *request, retour_error *err);
        retour_outcome retour_decision_outcome(const retour_decision *decision);
        retour_basis retour_decision_basis(const retour_decision *decision);
        const char *retour_outcome_name(retour_outcome outcome);
        const char *retour_basis_name(retour_basis basis);
        int64_t retour_decision_refund(const retour_decision *decision);
        int64_t retour_decision_deductions(const retour_decision *decision);
        int64_t retour_decision_shipping_refunded(const retour_decision *decision);
        const char *retour_decision_currency(const retour_decision *decision);
        retour_payer retour_decision_return_shipping(const retour_decision *decision);
        retour_date retour_decision_withdrawal_deadline(const retour_decision *decision);
        retour_date retour_decision_return_by(const retour_decision *decision);
        retour_date retour_decision_refund_by(const retour_decision *decision);
        const char *retour_decision_refund_method(const retour_decision *decision);
        const char *retour_decision_calendar(const retour_decision *decision);
        size_t retour_decision_item_count(const retour_decision *decision);
        retour_outcome retour_decision_item_outcome(const retour_decision *decision,
                                                    size_t item);
        int64_t retour_decision_item_refund(const retour_decision *decision, size_t item);
        int64_t retour_decision_item_deduction(const retour_decision *decision, size_t item);
        retour_remedy retour_decision_item_remedy(const retour_decision *decision,
                                                  size_t item);
        int32_t retour_decision_item_remedy_basis_points(const retour_decision *decision,
                                                         size_t item);
        int64_t retour_decision_store_credit(const retour_decision *decision);

        typedef struct retour_reason {
            const char *code;
            long item;
            const char *law;
            const char *source_file;
            int source_line;
            int source_column;
        } retour_reason;

        size_t retour_decision_reason_count(const retour_decision *decision);
        const retour_reason *retour_decision_reason(const retour_decision *decision,
                                                    size_t index);
        int retour_decision_reason_message(const retour_decision *decision, size_t index,
                                           retour_lang lang, char *buf, size_t size);
        long retour_decision_to_json(const retour_decision *decision, retour_lang lang,
                                     char *buf, size_t size);
        const retour_reason *retour_decision_deciding_reason(const retour_decision *decision);

        typedef struct retour_verdict {
            retour_outcome outcome;
            const char *reason;
            retour_date withdrawal_deadline;
        } retour_verdict;
        int retour_evaluate_verdict(retour_verdict *verdict, retour_decision *decision,
                                    const retour_policy *policy, const retour_request *request,
                                    retour_error *err);

        uint64_t retour_category_id(const char *name);
        typedef struct retour_case {
            uint8_t type;
            uint8_t packaging;
            uint8_t cause;
            uint8_t remedy;
            uint8_t customer_admits_damage;
            uint8_t remedy_failed;
            uint8_t whole_order;
            uint8_t reserved;
            retour_date notified;
            retour_date delivered;
            retour_date noticed;
            retour_date ordered;
            int32_t quantity;
            int32_t customer_orders;
            int32_t claims_last_year;
            int32_t goodwill_last_year;
            uint64_t category;
            int64_t price;
            int64_t shipping_paid;
            int64_t lifetime_spend;
        } retour_case;
        int retour_evaluate_case(retour_decision *decision, const retour_policy *policy,
                                 const retour_case *c, retour_error *err);
        int retour_evaluate_case_verdict(retour_verdict *verdict, retour_decision *decision,
                                         const retour_policy *policy, const retour_case *c,
                                         retour_error *err);

        typedef struct retour_trace_event {
            const char *rule;
            long rule_index;
            const char *rule_name;
            long item;
            int matched;
            const char *reason;
            const char *law;
            const char *source_file;
            int source_line;
            int source_column;
        } retour_trace_event;
        typedef void (*retour_trace_fn)(void *ctx, const retour_trace_event *event);
        int retour_evaluate_traced(retour_decision *decision, const retour_policy *policy,
                                   const retour_request *request, retour_trace_fn fn,
                                   void *fn_ctx, retour_error *err);
        int retour_trace_event_message(const retour_trace_event *event, retour_lang lang,
                                       char *buf, size_t size);

        typedef struct retour_case_report {
            const char *name;
            size_t index;
            int line;
            int passed;
            const char *failure;
            const retour_decision *decision;
            const retour_error *error;
        } retour_case_report;
        typedef void (*retour_case_fn)(const retour_case_report *report, void *ctx);
        int retour_suite_run(const retour_policy *policy, const char *text, size_t len,
                             const char *name, retour_date today, retour_case_fn fn,
                             void *ctx, size_t *failed, retour_error *err);
        int retour_suite_run_file(const retour_policy *policy, const char *path,
                                  retour_date today, retour_case_fn fn, void *ctx,
                                  size_t *failed, retour_error *err);

        int retour_evaluate_json(char **out, size_t *len, const retour_policy *policy,
                                 const char *request_text, size_t request_len,
                                 retour_lang lang, retour_error *err);
        void retour_string_free(char *str);

        typedef struct retour_diff retour_diff;
        typedef enum retour_change {
            RETOUR_CHANGE_NONE = 0,
            RETOUR_CHANGE_DECISION = 1,
            RETOUR_CHANGE_DETAIL = 2
        } retour_change;
        typedef struct retour_diff_group {
            retour_outcome old_outcome;
            retour_outcome new_outcome;
            const char *reason;
            uint64_t count;
            int64_t refund_difference;
        } retour_diff_group;
        int retour_diff_new(retour_diff **out, const retour_policy *old_policy,
                            const retour_policy *new_policy, const retour_options *options);
        int retour_diff_add(retour_diff *diff, const retour_request *request,
                            retour_change *change, retour_error *err);
        void retour_diff_decisions(const retour_diff *diff, const retour_decision **old_decision,
                                   const retour_decision **new_decision);
        uint64_t retour_diff_count(const retour_diff *diff, retour_change change);
        int64_t retour_diff_refund_difference(const retour_diff *diff);
        size_t retour_diff_group_count(const retour_diff *diff);
        int retour_diff_group_at(const retour_diff *diff, size_t index, retour_diff_group *out);
        void retour_diff_free(retour_diff *diff);
        typedef enum retour_json_form {
            RETOUR_JSON_FULL = 0,
            RETOUR_JSON_COMPACT = 1,
            RETOUR_JSON_VERDICT = 2,
            RETOUR_JSON_FORM__COUNT
        } retour_json_form;
        long retour_decision_to_json_form(const retour_decision *decision,
                                          retour_json_form form, retour_lang lang,
                                          char *buf, size_t size);
        typedef struct retour_evaluator retour_evaluator;
        int retour_evaluator_new(retour_evaluator **out, const retour_policy *policy,
                                 const retour_options *options);
        void retour_evaluator_free(retour_evaluator *evaluator);
        int retour_evaluator_evaluate_json(const char **out, size_t *len,
                                           retour_evaluator *evaluator,
                                           const char *request_text, size_t request_len,
                                           retour_json_form form, retour_lang lang,
                                           retour_error *err);
        int retour_evaluator_evaluate_many(const char **out, size_t *len, size_t *failed,
                                           retour_evaluator *evaluator, const char *texts,
                                           const size_t *lengths, size_t count,
                                           retour_json_form form, retour_lang lang,
                                           retour_error *err);
        C;

    /** The name handed to the system loader when nothing else names the library. */
    public const SYSTEM_NAME = 'libretour.so.1';

    /** What every "cannot load" error ends with: the ways to point the binding at the library. */
    public const HOW_TO_POINT = 'Point the binding at libretour in one of these ways: set '
        . 'RETOUR_LIBRARY to the file (export RETOUR_LIBRARY=/path/to/libretour/build/lib/libretour.so, '
        . 'or putenv() before the first load, or pass the path to Policy::fromFile()); or, after '
        . '`meson install`, make pkg-config find retour.pc (export '
        . 'PKG_CONFIG_PATH=/usr/local/lib/x86_64-linux-gnu/pkgconfig, the directory that holds '
        . 'retour.pc); or register the library directory of the install with the system loader '
        . '(sudo ldconfig, or LD_LIBRARY_PATH=/usr/local/lib/x86_64-linux-gnu). Under PHP-FPM or '
        . 'Apache, set the variable in the pool or server configuration (env[RETOUR_LIBRARY] = ...).';

    private const SOURCE_WORDS = [
        'argument' => 'the library argument',
        'env' => 'the environment variable RETOUR_LIBRARY',
        'pkg-config' => 'pkg-config',
        'system' => 'the system loader; neither RETOUR_LIBRARY nor pkg-config named a file',
    ];

    /** @var array<string, FFI> loaded libraries by resolved path */
    private static array $loaded = [];

    private function __construct(
        private readonly FFI $ffi,
        private readonly string $path,
        private readonly string $source,
    ) {
    }

    /**
     * Loads libretour, following the lookup order above. Cached per resolved path.
     *
     * @param string|null $library an explicit path (or loader name); null to look it up
     * @throws LibraryError when the library cannot be found or loaded
     */
    public static function load(?string $library = null): self
    {
        ['path' => $path, 'source' => $source] = self::resolve($library);
        if (isset(self::$loaded[$path])) {
            return new self(self::$loaded[$path], $path, $source);
        }
        if (!extension_loaded('FFI')) {
            throw new LibraryError('the PHP FFI extension is not loaded (php-cli ships it; '
                . 'enable it with ffi.enable=true)', $path, $source);
        }
        try {
            $ffi = FFI::cdef(self::CDEF, $path);
        } catch (FFI\Exception $e) {
            $hint = str_contains($e->getMessage(), 'ffi.enable')
                ? ' (set ffi.enable=true in php.ini, or run php -d ffi.enable=1)' : '';
            $how = self::SOURCE_WORDS[$source] ?? $source;
            throw new LibraryError("cannot load libretour from '$path' (found through $how): "
                . $e->getMessage() . $hint . '. ' . self::HOW_TO_POINT, $path, $source, $e);
        } catch (\Error $e) {
            // FFI disabled by ffi.enable (e.g. "preload" outside the CLI)
            throw new LibraryError('FFI is not usable here: ' . $e->getMessage()
                . ' (set ffi.enable=true, or run with php -d ffi.enable=1)', $path, $source, $e);
        }
        self::$loaded[$path] = $ffi;
        return new self($ffi, $path, $source);
    }

    /**
     * Works out which library load() would open, without opening it.
     *
     * @return array{path: string, source: string} source is one of
     *         'argument', 'env', 'pkg-config', 'system'
     * @throws LibraryError when an explicit argument or RETOUR_LIBRARY names a missing file
     */
    public static function resolve(?string $library = null): array
    {
        if ($library !== null && $library !== '') {
            return ['path' => self::checkPath($library, 'argument'), 'source' => 'argument'];
        }
        $env = getenv('RETOUR_LIBRARY');
        if (is_string($env) && $env !== '') {
            return ['path' => self::checkPath($env, 'env'), 'source' => 'env'];
        }
        $libdir = self::pkgConfigLibdir();
        if ($libdir !== null) {
            foreach (['libretour.so.1', 'libretour.so'] as $file) {
                $candidate = rtrim($libdir, '/') . '/' . $file;
                if (is_file($candidate)) {
                    return ['path' => $candidate, 'source' => 'pkg-config'];
                }
            }
        }
        return ['path' => self::SYSTEM_NAME, 'source' => 'system'];
    }

    /** Forgets the loaded libraries (they stay mapped; for tests of the lookup order). */
    public static function clearCache(): void
    {
        self::$loaded = [];
    }

    private static function checkPath(string $path, string $source): string
    {
        // A bare name ("libretour.so.1") goes to the system loader as it is.
        if (!str_contains($path, '/')) {
            return $path;
        }
        if (!is_file($path)) {
            $what = $source === 'env' ? 'RETOUR_LIBRARY' : 'the library argument';
            throw new LibraryError("$what names '$path', which is not a file. " . self::HOW_TO_POINT,
                $path, $source);
        }
        return $path;
    }

    private static function pkgConfigLibdir(): ?string
    {
        if (!function_exists('proc_open')) {
            return null;
        }
        $spec = [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['file', '/dev/null', 'w']];
        // An array command runs without a shell; a missing pkg-config makes proc_open fail
        // (or the child exit 127), both of which mean "no answer".
        $proc = @proc_open(['pkg-config', '--variable=libdir', 'retour'], $spec, $pipes);
        if (!is_resource($proc)) {
            return null;
        }
        $out = stream_get_contents($pipes[1]);
        fclose($pipes[1]);
        $status = proc_close($proc);
        $dir = is_string($out) ? trim($out) : '';
        return $status === 0 && $dir !== '' ? $dir : null;
    }

    /**
     * The FFI instance with every declaration of retour.h. Note that PHP FFI returns a
     * `const char *` result as a PHP string (null for NULL).
     */
    public function ffi(): FFI
    {
        return $this->ffi;
    }

    /** The path or loader name that was opened. */
    public function path(): string
    {
        return $this->path;
    }

    /** How the library was found: 'argument', 'env', 'pkg-config' or 'system'. */
    public function source(): string
    {
        return $this->source;
    }

    /** retour_version(): the loaded library's version, e.g. "0.1.0". */
    public function version(): string
    {
        return (string) $this->ffi->retour_version();
    }

    /** retour_version_number(): MAJOR * 10000 + MINOR * 100 + PATCH. */
    public function versionNumber(): int
    {
        return $this->ffi->retour_version_number();
    }

    /** retour_strerror(): a constant description of a status code. */
    public function strerror(int $code): string
    {
        return (string) $this->ffi->retour_strerror($code);
    }
}
