/*
 * retour.h - decide webshop returns against a YAML return policy, and say why.
 *
 * The whole public API of libretour. Conventions:
 *  - functions are retour_<module>_<verb>; enum values and macros are RETOUR_*;
 *  - fallible functions return 0 (RETOUR_OK) or a negative RETOUR_E* code, take their
 *    out parameters first, and leave outputs untouched on failure;
 *  - an optional caller-owned retour_error (NULL allowed) receives the details;
 *  - objects are opaque, created by the library and released by their _free();
 *  - money is int64_t minor units of the policy's currency (cents for EUR);
 *  - dates are civil dates as day numbers (retour_date), never read from a clock;
 *  - no global mutable state: no init, no shutdown, no thread-local last error.
 *
 * Misuse: no function crashes on a NULL pointer, an enum value out of range or an index
 * past the end. Fallible functions return RETOUR_EINVAL (with a message in err where they
 * take one); accessors return a documented default ("", 0, -1, RETOUR_DATE_NONE, NULL,
 * RETOUR_OUTCOME_REJECT); _free() functions ignore NULL. A handle of the wrong type, or
 * one already freed, is treated like NULL where the library can still tell (a magic
 * number checked by every public function and cleared on free): best effort, since freed
 * memory may be reused. Limits and what each hostile input gets: docs/hardening.md.
 *
 * Threads: a loaded retour_policy is immutable; any number of threads may evaluate
 * with it at once. A retour_request and a retour_decision belong to one thread at a time.
 */
#ifndef RETOUR_H
#define RETOUR_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32) && defined(RETOUR_BUILDING)
#define RETOUR_API __declspec(dllexport)
#elif defined(__GNUC__) && defined(RETOUR_BUILDING)
#define RETOUR_API __attribute__((visibility("default")))
#else
#define RETOUR_API
#endif

/* ------------------------------------------------------------------------------------
 * Version
 * ---------------------------------------------------------------------------------- */

#define RETOUR_VERSION_MAJOR 0
#define RETOUR_VERSION_MINOR 1
#define RETOUR_VERSION_PATCH 0
#define RETOUR_VERSION_STRING "0.1.0"
/** MAJOR * 10000 + MINOR * 100 + PATCH, for compile-time comparisons. */
#define RETOUR_VERSION_NUMBER 100

/** @returns the library's version string, e.g. "0.1.0" (static storage). Thread-safe. */
RETOUR_API const char *retour_version(void);
/** @returns RETOUR_VERSION_NUMBER of the library actually loaded. Thread-safe. */
RETOUR_API int retour_version_number(void);

/* ------------------------------------------------------------------------------------
 * Errors
 * ---------------------------------------------------------------------------------- */

typedef enum retour_status {
    RETOUR_OK = 0,
    RETOUR_EINVAL = -1,   /**< invalid argument: NULL pointer, bad enum value, bad index */
    RETOUR_ENOMEM = -2,   /**< an allocation failed; nothing was changed */
    RETOUR_EIO = -3,      /**< a file could not be opened or read */
    RETOUR_ESYNTAX = -4,  /**< YAML/JSON syntax error, invalid UTF-8, aliases, several documents */
    RETOUR_ESCHEMA = -5,  /**< valid YAML, but a key, type or value the schema does not allow */
    RETOUR_ELIMIT = -6,   /**< input exceeds a resource limit (size, depth, count) */
    RETOUR_ERANGE = -7,   /**< a number or date out of range, or money arithmetic overflow */
    RETOUR_EREQUEST = -8  /**< the request is inconsistent with the policy (e.g. a missing date) */
} retour_status;

#define RETOUR_ERROR_MESSAGE_MAX 512
#define RETOUR_ERROR_PATH_MAX 128
#define RETOUR_ERROR_FILE_MAX 256

/**
 * Details of a failure, filled by any function that takes a retour_error *.
 * line and column are 1-based; 0 means "not tied to a place in a file".
 * path is the key path of the offending node, e.g. "categories.earrings.exclusion"
 * or "items[0].price"; empty when the error concerns the whole document.
 * Strings are NUL-terminated UTF-8, cut at a character boundary when too long.
 * The size and layout of this struct are part of the ABI: they change only with the
 * SONAME (bindings declare it field by field and test the layout against this header).
 */
typedef struct retour_error {
    int code;                               /**< a retour_status value */
    int line;                               /**< 1-based line, 0 if unknown */
    int column;                             /**< 1-based column, 0 if unknown */
    size_t offset;                          /**< 0-based byte offset in the input */
    char file[RETOUR_ERROR_FILE_MAX];       /**< file name or the name given for a string */
    char path[RETOUR_ERROR_PATH_MAX];       /**< key path, "" for the document */
    char message[RETOUR_ERROR_MESSAGE_MAX]; /**< one line, no trailing newline */
} retour_error;

/** @returns a constant description of a retour_status code ("unknown error code" for any
 *  other value). Thread-safe. */
RETOUR_API const char *retour_strerror(int code);

/**
 * Formats an error like a compiler: "file:line:col: error: path: message".
 * @param[out] buf  receives a NUL-terminated string (truncated to size); NULL with size 0
 *                  to measure.
 * @returns the length the full text needs, like snprintf; RETOUR_EINVAL when buf is NULL
 *          and size is not 0. A NULL err formats as "error: invalid argument". Thread-safe.
 */
RETOUR_API int retour_error_format(char *buf, size_t size, const retour_error *err);

/* ------------------------------------------------------------------------------------
 * Allocator
 * ---------------------------------------------------------------------------------- */

/**
 * A caller-supplied allocator. All three functions are required. The library calls it
 * for every allocation it makes itself (libyaml's parser uses the C allocator).
 * An object remembers the allocator it was created with and frees through it.
 */
typedef struct retour_allocator {
    void *(*malloc)(void *ctx, size_t size);
    void *(*realloc)(void *ctx, void *ptr, size_t size);
    void (*free)(void *ctx, void *ptr);
    void *ctx;
} retour_allocator;

/* ------------------------------------------------------------------------------------
 * Options
 * ---------------------------------------------------------------------------------- */

/**
 * Version 2 appended max_string_bytes. New fields are only ever appended: the library
 * reads no field beyond those of the version a caller states, so a caller built against
 * version 1 (the shorter struct, version = 1) keeps working with the defaults for the
 * rest. A version of 0 or above RETOUR_OPTIONS_VERSION is refused with RETOUR_EINVAL.
 */
#define RETOUR_OPTIONS_VERSION 3

/**
 * Options for loading policies and parsing requests. Initialise with RETOUR_OPTIONS_INIT.
 * Every limit refuses larger input with RETOUR_ELIMIT (docs/hardening.md); 0 takes the
 * default.
 */
typedef struct retour_options {
    unsigned int version;                /**< RETOUR_OPTIONS_VERSION */
    const retour_allocator *allocator;   /**< NULL: the C library's malloc/realloc/free */
    size_t max_input_bytes;              /**< 0: default 1 MiB; files are refused unread */
    unsigned int max_depth;              /**< 0: default 32 nesting levels */
    unsigned int max_items;              /**< 0: default 1000 entries per list or mapping
                                              (items, categories) */
    size_t max_string_bytes;             /**< 0: default 4096 bytes per key or value
                                              (version 2) */
    unsigned int lang;                   /**< a retour_lang: the language of the legal
                                              lint's messages and fixes in
                                              retour_policy_check() (version 3; 0: English) */
} retour_options;

#define RETOUR_OPTIONS_INIT { RETOUR_OPTIONS_VERSION, NULL, 0, 0, 0, 0, 0 }

/* ------------------------------------------------------------------------------------
 * Dates: civil dates as day numbers (days since 1970-01-01, proleptic Gregorian)
 * ---------------------------------------------------------------------------------- */

typedef int32_t retour_date;
/** "No date" (a deadline that does not apply). */
#define RETOUR_DATE_NONE INT32_MIN

/**
 * Converts year (1..9999), month (1..12), day into a day number.
 * @returns 0, RETOUR_EINVAL when out is NULL, or RETOUR_ERANGE for a date that does not
 *          exist (February 30, year 0 or 10000). Thread-safe.
 */
RETOUR_API int retour_date_from_ymd(retour_date *out, int year, int month, int day);
/** Parses exactly "YYYY-MM-DD". @returns 0, RETOUR_EINVAL (NULL out or text), RETOUR_ESYNTAX
 *  or RETOUR_ERANGE. Thread-safe. */
RETOUR_API int retour_date_parse(retour_date *out, const char *text, size_t len);
/** Writes "YYYY-MM-DD" and a NUL into buf (11 bytes). @returns 0, or RETOUR_EINVAL for a
 *  NULL buf or a day outside years 1..9999 (RETOUR_DATE_NONE included). */
RETOUR_API int retour_date_format(char buf[11], retour_date date);

/* ------------------------------------------------------------------------------------
 * Checking policies: every problem, not just the first (for editors, CI and linters)
 * ---------------------------------------------------------------------------------- */

typedef enum retour_severity {
    RETOUR_SEVERITY_ERROR = 0,   /**< the policy cannot be loaded */
    RETOUR_SEVERITY_WARNING = 1, /**< it loads, but something is likely wrong */
    RETOUR_SEVERITY_NOTE = 2,    /**< extra information about a neighbouring diagnostic */
    RETOUR_SEVERITY_INFO = 3,    /**< lawful, worth knowing (legal lint) */
    RETOUR_SEVERITY__COUNT
} retour_severity;

/** Stable names: "error", "warning", "note", "info"; "" if out of range. Thread-safe. */
RETOUR_API const char *retour_severity_name(retour_severity severity);

/**
 * One problem found by retour_policy_check(). Read-only, owned by the library, valid only
 * during the callback that receives it: copy what you keep (code is the exception: it is
 * static). Later versions may append fields: never allocate or copy this struct by value.
 */
typedef struct retour_diagnostic {
    retour_severity severity;
    const char *code;    /**< stable kebab-case code, e.g. "unknown-key"; static storage */
    const char *file;    /**< file name, or the name given for a string */
    int line;            /**< 1-based line, 0 if not tied to a place */
    int column;          /**< 1-based column (characters), 0 if not tied to a place */
    size_t offset;       /**< 0-based byte offset in the input */
    const char *path;    /**< key path ("withdrawal.days"), "" for the document */
    const char *message; /**< one line, no trailing newline, without the code */
    const char *law;     /**< legal lint: the article the finding rests on; else NULL */
    const char *fix;     /**< legal lint: a concrete change that resolves it; else NULL */
} retour_diagnostic;

/**
 * Receives each diagnostic, in file order (by byte offset; at one place, in the order
 * found). Return 0 to go on; any other value stops the check, which then returns that
 * value (use a negative one so that it cannot be mistaken for a count).
 */
typedef int (*retour_diagnostic_fn)(void *ctx, const retour_diagnostic *diagnostic);

/**
 * Checks a policy in memory and reports every problem to fn, in file order, once the
 * whole text has been read. Unlike retour_policy_load_string(), a problem in a key's value
 * is reported and checking goes on with the next key (the value keeps its default); YAML
 * syntax errors, duplicate keys and exceeded limits end the check after their diagnostic.
 * A policy that loads is then linted against its jurisdiction's law (docs/lint.md): each
 * clause below the law is an error with its article (law) and a fix, risky ones are
 * warnings, clauses lawful only for the days a shop adds are info; these messages follow
 * options->lang (the schema's messages are English).
 * @param[in]  text     the policy (YAML); need not be NUL-terminated.
 * @param[in]  name     file name used in diagnostics ("<string>" if NULL).
 * @param[in]  options  NULL for defaults.
 * @param[in]  fn       callback (NULL: only count); fn_ctx is passed to it unchanged.
 * @param[out] err      NULL, or receives the details when the check could not run.
 * @returns the number of diagnostics of severity error (schema errors, or when there are
 *          none, clauses below the law; 0: the policy loads and is lawful), or a
 *          negative RETOUR_E* code when the check could not run (RETOUR_EINVAL,
 *          RETOUR_ENOMEM; fn was not called), or the nonzero value fn returned to stop.
 * Ownership: nothing to free; each diagnostic is lent to fn for the call.
 * Threads: reentrant, no shared state; fn runs on the calling thread, one call at a time.
 */
RETOUR_API int retour_policy_check(const char *text, size_t len, const char *name,
                                   const retour_options *options, retour_diagnostic_fn fn,
                                   void *fn_ctx, retour_error *err);

/**
 * Checks a policy file. Same contract as retour_policy_check(); an unreadable file
 * returns RETOUR_EIO (err names the file and the reason), a file over the size limit is
 * a "limit-exceeded" diagnostic.
 */
RETOUR_API int retour_policy_check_file(const char *path, const retour_options *options,
                                        retour_diagnostic_fn fn, void *fn_ctx,
                                        retour_error *err);

/**
 * Formats a diagnostic like a compiler: "file:line:col: severity: path: message [code]"
 * (no path part when the path is empty, no line and column when line is 0).
 * @returns the length the full text needs, like snprintf. Thread-safe.
 */
RETOUR_API int retour_diagnostic_format(char *buf, size_t size,
                                        const retour_diagnostic *diagnostic);

/* ------------------------------------------------------------------------------------
 * Policy
 * ---------------------------------------------------------------------------------- */

/** A compiled return policy. Immutable once loaded; share it freely across threads. */
typedef struct retour_policy retour_policy;

/**
 * Loads and validates a policy file (YAML, schema version 1).
 * @param[out] out     receives the policy; unchanged on failure (no partial policy).
 * @param[in]  path    file to read.
 * @param[in]  options NULL for defaults.
 * @param[out] err     NULL, or receives file, line, column, key path and message.
 * @returns 0 or a negative RETOUR_E* code: RETOUR_EINVAL (NULL out, path or text with a
 *          length, options.version not 1..RETOUR_OPTIONS_VERSION), RETOUR_EIO, RETOUR_ENOMEM,
 *          RETOUR_ESYNTAX, RETOUR_ESCHEMA, RETOUR_ELIMIT (a file over max_input_bytes is
 *          refused before it is read), RETOUR_ERANGE.
 * Ownership: free *out with retour_policy_free().
 */
RETOUR_API int retour_policy_load_file(retour_policy **out, const char *path,
                                       const retour_options *options, retour_error *err);

/**
 * Loads a policy from memory. name is used in errors and reason sources ("<string>" if NULL).
 * The text need not be NUL-terminated. Same contract as retour_policy_load_file().
 */
RETOUR_API int retour_policy_load_string(retour_policy **out, const char *text, size_t len,
                                         const char *name, const retour_options *options,
                                         retour_error *err);

/** Frees a policy. NULL, a foreign or an already freed handle (when detectable) is
 *  ignored. No thread may be using it. */
RETOUR_API void retour_policy_free(retour_policy *policy);

/** @returns the shop name ("" when absent); lives as long as the policy. The string
 *  accessors return "" for a NULL or invalid policy. */
RETOUR_API const char *retour_policy_shop(const retour_policy *policy);
/** @returns the jurisdiction code as written ("NL", "EU", "UK", "none"). */
RETOUR_API const char *retour_policy_jurisdiction(const retour_policy *policy);
/** @returns the ISO 4217 currency code. */
RETOUR_API const char *retour_policy_currency(const retour_policy *policy);
/** @returns the number of decimals of the policy's currency (EUR 2, JPY 0), -1 on NULL. */
RETOUR_API int retour_policy_currency_decimals(const retour_policy *policy);

/* ------------------------------------------------------------------------------------
 * Request
 * ---------------------------------------------------------------------------------- */

typedef enum retour_request_type {
    RETOUR_REQUEST_WITHDRAWAL = 0, /**< change of mind: the right of withdrawal */
    RETOUR_REQUEST_COMPLAINT = 1,  /**< a defect: the legal guarantee */
    RETOUR_REQUEST_TYPE__COUNT
} retour_request_type;

typedef enum retour_packaging {
    RETOUR_PACKAGING_UNKNOWN = 0, /**< not stated: a seal-dependent exclusion goes to review */
    RETOUR_PACKAGING_SEALED = 1,  /**< unopened, seal intact */
    RETOUR_PACKAGING_OPENED = 2,  /**< opened to try the goods: always allowed */
    RETOUR_PACKAGING_DAMAGED = 3, /**< packaging damaged beyond opening */
    RETOUR_PACKAGING_MISSING = 4, /**< original packaging not returned */
    RETOUR_PACKAGING__COUNT
} retour_packaging;

/** What caused a complained-of problem, as far as known (complaints). */
typedef enum retour_cause {
    RETOUR_CAUSE_UNKNOWN = 0,  /**< not known: the law's presumption decides */
    RETOUR_CAUSE_DEFECT = 1,   /**< a defect was established (inspection, evidence) */
    RETOUR_CAUSE_WEAR = 2,     /**< wear from use */
    RETOUR_CAUSE_MISUSE = 3,   /**< used against instructions (caused by the customer) */
    RETOUR_CAUSE_ACCIDENT = 4, /**< accidental damage (caused by the customer) */
    RETOUR_CAUSE__COUNT
} retour_cause;

/**
 * A remedy: what a consumer asks for in a complaint, and what a decision grants (the
 * goodwill grants store credit, exchange, partial refund and repair discount included).
 */
typedef enum retour_remedy {
    RETOUR_REMEDY_NONE = 0,
    RETOUR_REMEDY_REPAIR = 1,
    RETOUR_REMEDY_REPLACE = 2,
    RETOUR_REMEDY_REFUND = 3,
    RETOUR_REMEDY_PRICE_REDUCTION = 4,
    RETOUR_REMEDY_STORE_CREDIT = 5,
    RETOUR_REMEDY_EXCHANGE = 6,
    RETOUR_REMEDY_PARTIAL_REFUND = 7,  /**< a percentage of the item's value refunded */
    RETOUR_REMEDY_REPAIR_DISCOUNT = 8, /**< a repair at a percentage off */
    RETOUR_REMEDY__COUNT
} retour_remedy;

/** Stable snake_case names ("accident", "repair_discount"); "" if out of range. */
RETOUR_API const char *retour_cause_name(retour_cause cause);
RETOUR_API const char *retour_remedy_name(retour_remedy remedy);

/** A return or complaint request. Reusable: retour_request_reset() keeps its memory. */
typedef struct retour_request retour_request;

/** Creates an empty request of the given type. Free with retour_request_free().
 *  @returns 0, RETOUR_EINVAL (NULL out, bad type or options version) or RETOUR_ENOMEM. */
RETOUR_API int retour_request_new(retour_request **out, retour_request_type type,
                                  const retour_options *options);
/** Frees a request. NULL, a foreign or an already freed handle (when detectable) is ignored. */
RETOUR_API void retour_request_free(retour_request *request);
/** Empties a request for reuse, keeping its allocations. @returns 0 or RETOUR_EINVAL. */
RETOUR_API int retour_request_reset(retour_request *request, retour_request_type type);

/**
 * Parses a request from YAML or JSON text (JSON is YAML). Money is read in the policy's
 * currency, so the policy is needed. Same error contract as policy loading.
 * @param[out] out receives a new request; unchanged on failure.
 * @returns 0, RETOUR_EINVAL (NULL out, NULL or invalid policy, NULL text with a length,
 *          bad options version), or a code of the input's first error as for policies.
 */
RETOUR_API int retour_request_parse(retour_request **out, const retour_policy *policy,
                                    const char *text, size_t len, const char *name,
                                    const retour_options *options, retour_error *err);
/** Parses a request file. See retour_request_parse(). */
RETOUR_API int retour_request_load_file(retour_request **out, const retour_policy *policy,
                                        const char *path, const retour_options *options,
                                        retour_error *err);

/**
 * Reads one JSON object into an existing request: the fast path for many requests.
 * Accepts the keys and values retour_request_parse() accepts, checks them the same way
 * and reports the same messages for the same mistakes; duplicate keys are errors. JSON
 * syntax is strict (RFC 8259); \uXXXX escapes and surrogate pairs are decoded; strings
 * must be valid UTF-8 and free of NUL. With several mistakes, the first in reading order
 * is reported. Limits (input size, depth, items) are those of the options the request
 * was created with.
 * @param[in,out] request  reset first, then filled; reset (empty) again on failure.
 * @param[in]  policy  supplies the currency that amounts are read in.
 * @param[in]  text    need not be NUL-terminated; not kept after the call.
 * @param[in]  name    for errors and reasons ("<string>" if NULL); copied.
 * @param[out] err     NULL, or receives code, line, column, byte offset, key path
 *                     (e.g. "items[0].price") and message.
 * @returns 0 or a negative RETOUR_E* code.
 * Ownership: the request keeps copies of the strings it needs; once its buffers have
 * grown to fit, a call allocates nothing. Threads: the policy may be shared; the request
 * must not be used by another thread during the call.
 */
RETOUR_API int retour_request_parse_json(retour_request *request, const retour_policy *policy,
                                         const char *text, size_t len, const char *name,
                                         retour_error *err);

/* The setters below return 0, or RETOUR_EINVAL for a NULL or invalid request, a day
 * outside years 1..9999, or a negative amount or count; the request is then unchanged. */

/** The day the consumer told the shop (required). */
RETOUR_API int retour_request_set_notified(retour_request *request, retour_date notified);
/** The order date (needed when the policy's window starts at the order). */
RETOUR_API int retour_request_set_ordered(retour_request *request, retour_date ordered);
/** Outbound delivery cost paid for the order, in minor units (default 0). */
RETOUR_API int retour_request_set_shipping_paid(retour_request *request, int64_t minor);
/**
 * Whether the items are the whole order (default 1). Only a whole-order withdrawal gets
 * the outbound delivery cost back.
 */
RETOUR_API int retour_request_set_whole_order(retour_request *request, int whole_order);
/**
 * Delivery of the order's last good when it is not among the request's items (split
 * deliveries: the period runs from the last good). RETOUR_DATE_NONE to clear.
 */
RETOUR_API int retour_request_set_last_delivered(retour_request *request, retour_date date);
/**
 * The day the consumer sent the goods back (their proof of dispatch), and the day the shop
 * received them; RETOUR_DATE_NONE (the default) when not known. A policy whose window
 * counts one of them (`withdrawal.timely_when`) or whose refund counts from the goods'
 * receipt (`withdrawal.refund_counted_from`) reads them in the shop's own window.
 */
RETOUR_API int retour_request_set_goods_sent(retour_request *request, retour_date date);
RETOUR_API int retour_request_set_goods_received(retour_request *request, retour_date date);
/**
 * Records that the consumer provided one of the things a policy's terms may require
 * (`withdrawal.requires`, `complaints.notice_form`): "form", "invoice",
 * "original_receipt", "return_number", "registered_post", "prior_consent", "account",
 * "photos", "original_packaging" or "written". Nothing is provided by default.
 * @returns 0, or RETOUR_EINVAL (NULL request or word, or an unknown word).
 */
RETOUR_API int retour_request_add_provided(retour_request *request, const char *word);
/** What is known of the customer; all counts >= 0. */
RETOUR_API int retour_request_set_customer(retour_request *request, int orders,
                                           int claims_last_year);
/**
 * More of the customer's history, for goodwill rules: goodwill gestures granted in the
 * last 12 months (>= 0) and the lifetime spend in minor units (>= 0).
 */
RETOUR_API int retour_request_set_customer_history(retour_request *request,
                                                   int goodwill_last_year,
                                                   int64_t lifetime_spend);

/**
 * The country the consumer lives in, as an ISO 3166-1 alpha-2 code ("ES"; NULL or "" for
 * none). Where the policy sells to that country (`sells_to`), each legal figure comes from
 * whichever of the policy's jurisdiction and that country's law protects the consumer more
 * (Rome I Regulation art. 6(2)); see docs/decisions.md, "The consumer's country".
 * @returns 0 or RETOUR_EINVAL (NULL request, or not two capital letters).
 */
RETOUR_API int retour_request_set_customer_country(retour_request *request, const char *country);

/**
 * Appends an item. sku and category are copied (category may be NULL: the policy's
 * default category). price is per unit in minor units (>= 0); quantity >= 1.
 * @param[out] index receives the item's index (may be NULL).
 * @returns 0, RETOUR_EINVAL (NULL request or sku, sku or category not valid UTF-8,
 *          negative price, quantity < 1, bad packaging or date) or RETOUR_ENOMEM.
 */
RETOUR_API int retour_request_add_item(retour_request *request, size_t *index, const char *sku,
                                       const char *category, int64_t price, int quantity,
                                       retour_date delivered, retour_packaging packaging);
/**
 * Complaint details of an item (see retour_request_add_item() for its index).
 * @param noticed  the day the problem appeared; RETOUR_DATE_NONE: the notification day.
 * @param remedy   what the consumer asks for: NONE, REPAIR, REPLACE, REFUND or
 *                 PRICE_REDUCTION.
 * @param remedy_failed  nonzero when an earlier repair or replacement failed or was
 *                 refused, which opens price reduction and refund.
 * @returns 0, or RETOUR_EINVAL for a bad index, date or enum value.
 */
RETOUR_API int retour_request_set_item_complaint(retour_request *request, size_t item,
                                                 retour_date noticed, retour_cause cause,
                                                 int customer_admits_damage,
                                                 retour_remedy remedy, int remedy_failed);

/** @returns the number of items, 0 on NULL. */
RETOUR_API size_t retour_request_item_count(const retour_request *request);

/* ------------------------------------------------------------------------------------
 * Decision
 * ---------------------------------------------------------------------------------- */

typedef enum retour_outcome {
    RETOUR_OUTCOME_ACCEPT = 0,          /**< everything accepted, no deduction */
    RETOUR_OUTCOME_ACCEPT_GOODWILL = 1, /**< accepted, at least partly out of goodwill */
    RETOUR_OUTCOME_PARTIAL = 2,         /**< some items accepted, or a deduction applies */
    RETOUR_OUTCOME_REVIEW = 3,          /**< a human must decide */
    RETOUR_OUTCOME_REJECT = 4,          /**< nothing accepted */
    RETOUR_OUTCOME__COUNT
} retour_outcome;

typedef enum retour_basis {
    RETOUR_BASIS_WITHDRAWAL_RIGHT = 0, /**< the statutory right of withdrawal */
    RETOUR_BASIS_SHOP_POLICY = 1,      /**< the shop's longer window */
    RETOUR_BASIS_GOODWILL = 2,         /**< goodwill beyond law and policy */
    RETOUR_BASIS_LEGAL_GUARANTEE = 3,  /**< a complaint under the legal guarantee */
    RETOUR_BASIS_COMMERCIAL_GUARANTEE = 4, /**< the shop's own guarantee, beyond the law's */
    RETOUR_BASIS__COUNT
} retour_basis;

typedef enum retour_lang {
    RETOUR_LANG_EN = 0,
    RETOUR_LANG_NL = 1,
    RETOUR_LANG__COUNT
} retour_lang;

/** Who pays to send the goods back. */
typedef enum retour_payer {
    RETOUR_PAYER_CUSTOMER = 0,
    RETOUR_PAYER_SHOP = 1,
    RETOUR_PAYER__COUNT
} retour_payer;

/**
 * A decision, reusable across evaluations: once its buffers have grown to fit,
 * retour_evaluate() allocates nothing.
 */
typedef struct retour_decision retour_decision;

/** Creates an empty decision. Free with retour_decision_free().
 *  @returns 0, RETOUR_EINVAL (NULL out, bad options version) or RETOUR_ENOMEM. */
RETOUR_API int retour_decision_new(retour_decision **out, const retour_options *options);
/** Frees a decision. NULL, a foreign or an already freed handle (when detectable) is
 *  ignored. */
RETOUR_API void retour_decision_free(retour_decision *decision);

/**
 * Decides a request against a policy and stores the result in decision (replacing any
 * earlier result). Never reads the clock: all dates come from the request.
 * @returns 0, RETOUR_EREQUEST when the request lacks what the policy needs or holds
 *          impossible data (notified, last_delivered or an item's delivered before the
 *          order date; err says which key), RETOUR_ERANGE on money overflow, RETOUR_ENOMEM,
 *          RETOUR_EINVAL (a NULL, foreign or freed decision, policy or request).
 *          On failure the decision holds no result (outcome accessors return defaults).
 * Lifetime: the request may be freed right after the call; the decision refers to the
 * policy (currency, category names), so keep the policy alive while reading the decision.
 * Threads: policy may be shared; decision and request must not be used by another
 * thread during the call.
 */
RETOUR_API int retour_evaluate(retour_decision *decision, const retour_policy *policy,
                               const retour_request *request, retour_error *err);

/**
 * The short answer to "can this be returned?": what retour_evaluate() decides, without
 * the reasons' list, amounts and messages. For an order page or for re-deciding many
 * past cases after a policy change.
 */
typedef struct retour_verdict {
    retour_outcome outcome;          /**< retour_decision_outcome() */
    const char *reason;              /**< retour_decision_deciding_reason()'s code, a
                                          static string; "" when none */
    retour_date withdrawal_deadline; /**< retour_decision_withdrawal_deadline() */
} retour_verdict;

/**
 * Decides a request like retour_evaluate() and writes only the verdict. The common
 * request (one item, see docs/performance.md, "The plan") is answered from the policy's
 * tables without building a decision; any other is evaluated in full in decision, which
 * serves as working space: afterwards it holds no result either way.
 * @returns as retour_evaluate(); on failure *verdict is a reject with reason "".
 * Threads: as retour_evaluate(). Allocates nothing once decision has grown.
 */
RETOUR_API int retour_evaluate_verdict(retour_verdict *verdict, retour_decision *decision,
                                       const retour_policy *policy,
                                       const retour_request *request, retour_error *err);

/**
 * A category's id: a 64-bit hash of its name, never RETOUR_CATEGORY_NONE. The same name
 * gives the same id in every process and against every policy, so ids may be stored.
 * NULL gives RETOUR_CATEGORY_NONE. Thread-safe, allocates nothing.
 */
RETOUR_API uint64_t retour_category_id(const char *name);
/** No category: the policy's default category decides, as for an item without one. */
#define RETOUR_CATEGORY_NONE 0u

/**
 * A one-item request as a plain struct of codes and numbers, with no strings and nothing
 * to build or free: the shape for deciding many stored cases (re-deciding past returns
 * after a policy change) or for a caller that keeps its own records. Start from
 * RETOUR_CASE_INIT and set what is known. It decides exactly as the request built from
 * the same fields with retour_request_add_item() and the setters, with the item's SKU
 * empty and its category the policy's own name for the id; an id the policy does not list
 * decides like an item without a category (the default category decides), and the full
 * decision says so with the reason category_not_listed.
 * Fields narrower than their enum hold the enum's value.
 */
typedef struct retour_case {
    uint8_t type;                  /**< retour_request_type */
    uint8_t packaging;             /**< retour_packaging */
    uint8_t cause;                 /**< retour_cause (complaints) */
    uint8_t remedy;                /**< retour_remedy asked for: NONE..PRICE_REDUCTION */
    uint8_t customer_admits_damage; /**< 0 or 1 */
    uint8_t remedy_failed;         /**< 0 or 1: an earlier repair or replacement failed */
    uint8_t whole_order;           /**< 0 or 1 (RETOUR_CASE_INIT: 1) */
    uint8_t reserved;              /**< 0 */
    retour_date notified;          /**< required */
    retour_date delivered;         /**< the item's delivery */
    retour_date noticed;           /**< RETOUR_DATE_NONE: the notification day */
    retour_date ordered;           /**< RETOUR_DATE_NONE when not known */
    int32_t quantity;              /**< >= 1 */
    int32_t customer_orders;       /**< >= 0 */
    int32_t claims_last_year;      /**< >= 0 */
    int32_t goodwill_last_year;    /**< >= 0 */
    uint64_t category;             /**< retour_category_id(), or RETOUR_CATEGORY_NONE */
    int64_t price;                 /**< per unit, minor units, >= 0 */
    int64_t shipping_paid;         /**< outbound shipping paid, minor units, >= 0 */
    int64_t lifetime_spend;        /**< minor units, >= 0 */
} retour_case;

/** A withdrawal of one item with nothing else known yet; set notified and delivered. */
#define RETOUR_CASE_INIT                                                                 \
    { RETOUR_REQUEST_WITHDRAWAL, RETOUR_PACKAGING_UNKNOWN, RETOUR_CAUSE_UNKNOWN,         \
      RETOUR_REMEDY_NONE, 0, 0, 1, 0, RETOUR_DATE_NONE, RETOUR_DATE_NONE, RETOUR_DATE_NONE, \
      RETOUR_DATE_NONE, 1, 0, 0, 0, RETOUR_CATEGORY_NONE, 0, 0, 0 }

/**
 * Decides a case like retour_evaluate() decides the request it stands for.
 * @returns as retour_evaluate(); RETOUR_EINVAL also for a field out of its range (err
 *          names the field, e.g. "case.quantity").
 * Threads: as retour_evaluate(); the case is only read. Allocates nothing once decision
 * has grown.
 */
RETOUR_API int retour_evaluate_case(retour_decision *decision, const retour_policy *policy,
                                    const retour_case *c, retour_error *err);

/**
 * The verdict of a case: retour_evaluate_verdict() for the request it stands for
 * (decision is working space, left without a result).
 * @returns as retour_evaluate_case(); on failure *verdict is a reject with reason "".
 */
RETOUR_API int retour_evaluate_case_verdict(retour_verdict *verdict, retour_decision *decision,
                                            const retour_policy *policy, const retour_case *c,
                                            retour_error *err);

/* The accessors below, given a NULL or invalid decision, one without a result (new, or
 * after a failed evaluation) or an item index past the end, return their defaults:
 * RETOUR_OUTCOME_REJECT, RETOUR_BASIS_WITHDRAWAL_RIGHT, 0, "", RETOUR_PAYER_CUSTOMER,
 * RETOUR_DATE_NONE, RETOUR_REMEDY_NONE, or NULL for a reason. */

/** Overall outcome: any item in review -> review; all rejected -> reject; all accepted
 *  without deduction -> accept (accept_goodwill if any by goodwill); otherwise partial. */
RETOUR_API retour_outcome retour_decision_outcome(const retour_decision *decision);
RETOUR_API retour_basis retour_decision_basis(const retour_decision *decision);
/** Stable snake_case names of enum values ("accept", "withdrawal_right"); "" if out of range. */
RETOUR_API const char *retour_outcome_name(retour_outcome outcome);
RETOUR_API const char *retour_basis_name(retour_basis basis);

/** Refund in minor units: items + outbound shipping - deductions. */
RETOUR_API int64_t retour_decision_refund(const retour_decision *decision);
RETOUR_API int64_t retour_decision_deductions(const retour_decision *decision);
RETOUR_API int64_t retour_decision_shipping_refunded(const retour_decision *decision);
/** The currency code of the amounts; lives as long as the policy. */
RETOUR_API const char *retour_decision_currency(const retour_decision *decision);
RETOUR_API retour_payer retour_decision_return_shipping(const retour_decision *decision);

/** Last day to withdraw (end of day), or RETOUR_DATE_NONE. */
RETOUR_API retour_date retour_decision_withdrawal_deadline(const retour_decision *decision);
/** Last day for the consumer to send the goods back, or RETOUR_DATE_NONE. */
RETOUR_API retour_date retour_decision_return_by(const retour_decision *decision);
/** Last day for the shop to refund, or RETOUR_DATE_NONE. */
RETOUR_API retour_date retour_decision_refund_by(const retour_decision *decision);
/**
 * How a withdrawal's refund is paid: "original_payment" (the same means of payment,
 * Directive 2011/83/EU art. 13(1)), "consumer_choice", or, in the shop's own window only,
 * "store_credit" or "voucher" (the policy's withdrawal.refund_method). NULL for a complaint
 * or an invalid decision. A static string.
 */
RETOUR_API const char *retour_decision_refund_method(const retour_decision *decision);
/** How the three deadlines above were counted: "calendar_days" (no statutory period; and
 *  every complaint), "weekends" (a last day on a Saturday or Sunday moves to the Monday),
 *  or "weekends_and_<code>_holidays" for each country whose public holidays are known,
 *  e.g. "weekends_and_nl_holidays", "weekends_and_gb_holidays" for GB and UK (public
 *  holidays move it too).
 *  A static string (never freed); "" for a decision without a result. */
RETOUR_API const char *retour_decision_calendar(const retour_decision *decision);

RETOUR_API size_t retour_decision_item_count(const retour_decision *decision);
/** @returns the item's outcome, RETOUR_OUTCOME_REJECT for an index out of range. */
RETOUR_API retour_outcome retour_decision_item_outcome(const retour_decision *decision,
                                                       size_t item);
/** Refund for one item (price x quantity - deduction), 0 when not accepted. */
RETOUR_API int64_t retour_decision_item_refund(const retour_decision *decision, size_t item);
RETOUR_API int64_t retour_decision_item_deduction(const retour_decision *decision, size_t item);
/** The remedy granted for the item (complaints and goodwill), RETOUR_REMEDY_NONE if none. */
RETOUR_API retour_remedy retour_decision_item_remedy(const retour_decision *decision,
                                                     size_t item);
/** Percentage of a partial refund or repair discount in basis points (5000 = 50%), or 0. */
RETOUR_API int32_t retour_decision_item_remedy_basis_points(const retour_decision *decision,
                                                            size_t item);
/** Store credit granted, in minor units (goodwill), 0 when none. */
RETOUR_API int64_t retour_decision_store_credit(const retour_decision *decision);

/** Reason explaining part of a decision. Read-only; lives until the decision is reused. */
typedef struct retour_reason {
    const char *code;        /**< stable snake_case code, e.g. "excluded_personalised" */
    long item;               /**< index of the item, -1 for the whole request */
    const char *law;         /**< citation when the law decided, else NULL */
    const char *source_file; /**< policy file that decided, NULL when no policy line did */
    int source_line;         /**< 1-based, 0 when none */
    int source_column;       /**< 1-based, 0 when none */
} retour_reason;

RETOUR_API size_t retour_decision_reason_count(const retour_decision *decision);
/** @returns the reason, or NULL for an index out of range. */
RETOUR_API const retour_reason *retour_decision_reason(const retour_decision *decision,
                                                       size_t index);
/**
 * The reason that decided: the last reason that gives or confirms an outcome (the period,
 * an exclusion, a packaging or guarantee step, a goodwill rule, a review signal), as
 * opposed to one that adds to it (a deadline moved, a seal found intact, a clause set
 * aside, the remedy offered). For a one-item request it is why the item got its outcome:
 * the one line to show a customer. The list of deciding codes is in docs/decisions.md.
 * @returns the reason, or NULL for no result or a decision without such a reason.
 */
RETOUR_API const retour_reason *retour_decision_deciding_reason(const retour_decision *decision);
/**
 * Writes the reason's message in the given language into buf.
 * @returns the length the full message needs (like snprintf), or RETOUR_EINVAL for no
 *          result, an index past the end, a bad lang, or a NULL buf with a size.
 */
RETOUR_API int retour_decision_reason_message(const retour_decision *decision, size_t index,
                                              retour_lang lang, char *buf, size_t size);

/**
 * Writes the decision as canonical JSON (one line, no trailing newline, deterministic).
 * @param[out] buf  NUL-terminated output (truncated to size; NULL with size 0 to measure).
 * @returns the length the full JSON needs (excluding the NUL), or RETOUR_EINVAL for no
 *          result, a bad lang, or a NULL buf with a size.
 */
RETOUR_API long retour_decision_to_json(const retour_decision *decision, retour_lang lang,
                                        char *buf, size_t size);

/** The forms a decision can be written in as JSON. */
typedef enum retour_json_form {
    /** Every field, each reason with its message: retour_decision_to_json(), the output of
     *  `retour eval --format json`. */
    RETOUR_JSON_FULL = 0,
    /** The same without the reasons' "message" keys (code, source and law stay), for
     *  machines that do not show text: `retour eval --format json --compact`. About 60%
     *  of the bytes of the full form, and no message to render. */
    RETOUR_JSON_COMPACT = 1,
    /** Only the verdict: {"outcome":"accept","deciding_reason":"within_withdrawal_period",
     *  "withdrawal_deadline":"2026-03-30"} (deciding_reason and withdrawal_deadline may be
     *  null), the fields of retour_verdict. */
    RETOUR_JSON_VERDICT = 2,
    RETOUR_JSON_FORM__COUNT
} retour_json_form;

/**
 * Writes the decision as JSON in the given form (one line, no trailing newline,
 * deterministic). RETOUR_JSON_FULL gives the bytes of retour_decision_to_json().
 * @param[in]  lang  the language of the messages (read by RETOUR_JSON_FULL only, checked
 *                   for every form).
 * @param[out] buf   NUL-terminated output (truncated to size; NULL with size 0 to measure).
 * @returns the length the full JSON needs (excluding the NUL), or RETOUR_EINVAL for no
 *          result, a bad form or lang, or a NULL buf with a size.
 * Threads: only reads the decision (and its policy). Allocates nothing, calls no printf.
 */
RETOUR_API long retour_decision_to_json_form(const retour_decision *decision,
                                             retour_json_form form, retour_lang lang,
                                             char *buf, size_t size);

/* ------------------------------------------------------------------------------------
 * Explaining a decision: every rule the evaluation considered, in order
 * ---------------------------------------------------------------------------------- */

/**
 * One step of an evaluation, passed to a retour_trace_fn: a rule the evaluator considered,
 * whether it applied, and where it comes from. Read-only, owned by the library, valid only
 * during the callback that receives it: copy what you keep (rule, reason and the strings
 * of the policy are the exception, see below). Later versions may append fields: never
 * allocate or copy this struct by value; pass the pointer you received to
 * retour_trace_event_message().
 *
 * Rule ids are stable words (docs/decisions.md lists them): "withdrawal.period",
 * "withdrawal.extension", "withdrawal.shop_period", "exclusion", "exclusion.waived",
 * "exclusion.shop", "packaging", "packaging.opened", "packaging.damaged",
 * "packaging.missing", "goodwill", "review.claims_last_year", "review.amount",
 * "refund.outbound_shipping", "deadline.return", "deadline.refund", "deadline.calendar", "complaint.guarantee",
 * "complaint.customer_caused", "complaint.wear", "complaint.defect",
 * "complaint.presumption", "complaint.inspection", "complaint.remedy", "restocking_fee",
 * "legal_floor" (a policy clause below the law, set aside). A reason code
 * without a rule of its own (added by a later version) comes as a rule named after it.
 */
typedef struct retour_trace_event {
    const char *rule;        /**< stable rule id, e.g. "withdrawal.period"; static storage */
    long rule_index;         /**< "goodwill": the rule's 0-based place in the policy's list;
                                  else -1 */
    const char *rule_name;   /**< "goodwill": the rule's name; "legal_floor": the clause
                                  set aside ("withdrawal.restocking_fee"); else NULL. Lives
                                  as long as the policy */
    long item;               /**< index of the item, -1 for the whole request */
    int matched;             /**< 1: the rule applied; 0: considered, did not apply */
    const char *reason;      /**< the reason code this step added to the decision (as
                                  retour_decision_reason() shows it), NULL when it added
                                  none; static storage */
    const char *law;         /**< citation when the law decides this step, else NULL; lives
                                  as long as the policy */
    const char *source_file; /**< policy file of the deciding line, NULL when none; lives as
                                  long as the policy */
    int source_line;         /**< 1-based, 0 when no policy line decided */
    int source_column;       /**< 1-based, 0 when none */
} retour_trace_event;

/** Called once per step, in the order the evaluator takes them. */
typedef void (*retour_trace_fn)(void *ctx, const retour_trace_event *event);

/**
 * Decides a request exactly like retour_evaluate() (same decision, same errors) and
 * reports each rule considered to fn, in order: the trace a person reads before deviating
 * from a decision knowingly. The decision is the one retour_evaluate() would make.
 * @param[in] fn      receives each step (NULL: no trace, as retour_evaluate()); fn_ctx is
 *                    passed to it unchanged.
 * @returns as retour_evaluate(). When the evaluation fails part way, fn has seen the steps
 *          up to the failure and the decision holds no result.
 * Ownership: events are lent to fn for the call; the library allocates nothing for them.
 * Threads: as retour_evaluate(); fn runs on the calling thread, one call at a time.
 */
RETOUR_API int retour_evaluate_traced(retour_decision *decision, const retour_policy *policy,
                                      const retour_request *request, retour_trace_fn fn,
                                      void *fn_ctx, retour_error *err);

/**
 * Writes why a step did or did not apply, in the given language: the reason's message
 * when the step added a reason, else a sentence of its own.
 * @param[in] event  an event received by a retour_trace_fn, during that call only.
 * @param[out] buf   NUL-terminated output (truncated to size; NULL with size 0 to measure).
 * @returns the length the full message needs (like snprintf), or RETOUR_EINVAL for a NULL
 *          or unknown event, a bad lang, or a NULL buf with a size.
 * Threads: call it from the callback, on the thread that received the event.
 */
RETOUR_API int retour_trace_event_message(const retour_trace_event *event, retour_lang lang,
                                          char *buf, size_t size);

/* ------------------------------------------------------------------------------------
 * Policy test suites: named cases, each a request and what its decision must be
 * ---------------------------------------------------------------------------------- */

/** The result of one test case, passed to a retour_case_fn. Valid during the call only. */
typedef struct retour_case_report {
    const char *name;                  /**< the case's name */
    size_t index;                      /**< 0-based position in the file */
    int line;                          /**< 1-based line of the case in the cases file */
    int passed;                        /**< 1 when every expectation held */
    const char *failure;               /**< "" when passed; else one line per mismatch,
                                            "key: expected X, got Y" */
    const retour_decision *decision;   /**< the decision, NULL when the request failed */
    const retour_error *error;         /**< why the request failed, else NULL */
} retour_case_report;

/** Called once per case, in file order. */
typedef void (*retour_case_fn)(const retour_case_report *report, void *ctx);

/**
 * Runs a policy test suite (YAML, see docs/policy-tests.md) against a policy.
 * @param today  the notification day for cases whose request has none
 *               (RETOUR_DATE_NONE: such a case fails with RETOUR_EREQUEST).
 * @param[out] failed  may be NULL; receives the number of cases that did not pass.
 * @returns 0 when the file was read and every case was run (even if some failed), or the
 *          error that stopped it: a malformed cases file (err has file, line, column and
 *          key path) or RETOUR_ENOMEM. fn may be NULL (count only).
 * Threads: the policy may be shared; each call uses its own request and decision.
 */
RETOUR_API int retour_suite_run(const retour_policy *policy, const char *text, size_t len,
                                const char *name, retour_date today, retour_case_fn fn,
                                void *ctx, size_t *failed, retour_error *err);
/** Runs the cases file at path. See retour_suite_run(). */
RETOUR_API int retour_suite_run_file(const retour_policy *policy, const char *path,
                                     retour_date today, retour_case_fn fn, void *ctx,
                                     size_t *failed, retour_error *err);

/* ------------------------------------------------------------------------------------
 * Simple API (for bindings): request text in, decision JSON out
 * ---------------------------------------------------------------------------------- */

/**
 * Parses request_text, evaluates it and returns the decision JSON (RETOUR_JSON_FULL). A
 * text whose first character (after spaces and a byte order mark) is '{' is read as JSON
 * by the direct reader of retour_request_parse_json(); any other text, and JSON that reader
 * finds a syntax error in, by the YAML parser of retour_request_parse() (whose error is
 * then reported). For many requests, an evaluator (below) allocates nothing per call.
 * @param[out] out  receives a NUL-terminated string; free it with retour_string_free().
 * @param[out] len  may be NULL; receives strlen(*out).
 * @returns 0, RETOUR_EINVAL (NULL out, NULL or invalid policy, NULL text with a length,
 *          bad lang), or the code of retour_request_parse() or retour_evaluate(); *out
 *          and *len are untouched on failure.
 * Thread-safe for a shared policy.
 */
RETOUR_API int retour_evaluate_json(char **out, size_t *len, const retour_policy *policy,
                                    const char *request_text, size_t request_len,
                                    retour_lang lang, retour_error *err);
/** Frees a string returned by retour_evaluate_json(). NULL is allowed; any other pointer
 *  is undefined behaviour. */
RETOUR_API void retour_string_free(char *str);

/* ------------------------------------------------------------------------------------
 * What a change of terms changes: requests decided under two policies, the changes counted
 * ---------------------------------------------------------------------------------- */

/** A comparison of two policies over a stream of requests (docs/cli.md, `retour diff`). */
typedef struct retour_diff retour_diff;

/** How one request's two decisions differ. */
typedef enum retour_change {
    RETOUR_CHANGE_NONE = 0,    /**< the same outcome, refund, deadlines and reason codes */
    RETOUR_CHANGE_DECISION = 1, /**< the outcome or the refund amount differs */
    RETOUR_CHANGE_DETAIL = 2   /**< only deadlines or reason codes differ */
} retour_change;

/** One group of changed decisions: the same old outcome, new outcome and (new) deciding
 *  reason. */
typedef struct retour_diff_group {
    retour_outcome old_outcome;
    retour_outcome new_outcome;
    const char *reason;          /**< the new decision's deciding reason code, "" for none */
    uint64_t count;              /**< requests in the group */
    int64_t refund_difference;   /**< new refunds minus old ones, minor units */
} retour_diff_group;

/**
 * Starts a comparison of old_policy and new_policy (both kept by the caller until
 * retour_diff_free()). Both must use currencies with the same number of decimals.
 * @returns 0, RETOUR_EINVAL (NULL argument, decimals differ) or RETOUR_ENOMEM.
 */
RETOUR_API int retour_diff_new(retour_diff **out, const retour_policy *old_policy,
                               const retour_policy *new_policy, const retour_options *options);
/**
 * Decides request under both policies and counts the change (*change may be NULL). The two
 * decisions stay readable through retour_diff_decisions() until the next call.
 * @returns 0, or the first policy's evaluation error (err says which policy in its message).
 * Memory stays flat: the groups are bounded by outcomes x reason codes.
 */
RETOUR_API int retour_diff_add(retour_diff *diff, const retour_request *request,
                               retour_change *change, retour_error *err);
/** The last request's decisions under the old and the new policy. */
RETOUR_API void retour_diff_decisions(const retour_diff *diff, const retour_decision **old_decision,
                                      const retour_decision **new_decision);
/** Requests compared, and how many changed their decision or only details. */
RETOUR_API uint64_t retour_diff_count(const retour_diff *diff, retour_change change);
/** New refunds minus old ones over every request, minor units. */
RETOUR_API int64_t retour_diff_refund_difference(const retour_diff *diff);
/** The groups of changed decisions (RETOUR_CHANGE_DECISION), most requests first (equal
 *  counts in the order first seen). retour_diff_group_at returns 0 or RETOUR_EINVAL. */
RETOUR_API size_t retour_diff_group_count(const retour_diff *diff);
RETOUR_API int retour_diff_group_at(const retour_diff *diff, size_t index,
                                    retour_diff_group *out);
/** Frees a comparison; NULL is ignored. */
RETOUR_API void retour_diff_free(retour_diff *diff);
/**
 * An evaluation context: one policy, with the request, decision and output buffer that
 * deciding request texts needs, kept from call to call. Once its buffers have grown to fit,
 * deciding a JSON request allocates nothing. The bindings hold one per policy (per thread).
 */
typedef struct retour_evaluator retour_evaluator;

/**
 * Creates an evaluator for policy.
 * @param[out] out      receives the evaluator; unchanged on failure.
 * @param[in]  policy   must outlive the evaluator.
 * @param[in]  options  NULL for defaults; its allocator and limits apply to every request
 *                      (max_input_bytes to each request text).
 * @returns 0, RETOUR_EINVAL (NULL out, NULL or invalid policy, bad options version) or
 *          RETOUR_ENOMEM.
 * Ownership: free it with retour_evaluator_free(). Threads: an evaluator belongs to one
 * thread at a time; any number of evaluators may share the policy.
 */
RETOUR_API int retour_evaluator_new(retour_evaluator **out, const retour_policy *policy,
                                    const retour_options *options);
/** Frees an evaluator (not its policy). NULL, a foreign or an already freed handle (when
 *  detectable) is ignored. */
RETOUR_API void retour_evaluator_free(retour_evaluator *evaluator);

/**
 * Decides one request text, as retour_evaluate_json() does (the same reading of JSON and
 * YAML, the same decisions and errors), and writes the decision JSON in the given form.
 * RETOUR_JSON_VERDICT answers through retour_evaluate_verdict(), without the full decision.
 * @param[out] out   receives the JSON, NUL-terminated, in the evaluator's buffer: valid
 *                   until the next call with this evaluator or its free. Untouched on
 *                   failure.
 * @param[out] len   may be NULL; receives strlen(*out).
 * @returns 0, RETOUR_EINVAL (NULL out, NULL or invalid evaluator, NULL text with a length,
 *          bad form or lang), or the code of the request's error (err has its file
 *          "<request>", line, column, key path and message).
 * Threads: the evaluator must not be used by another thread during the call.
 */
RETOUR_API int retour_evaluator_evaluate_json(const char **out, size_t *len,
                                              retour_evaluator *evaluator,
                                              const char *request_text, size_t request_len,
                                              retour_json_form form, retour_lang lang,
                                              retour_error *err);

/**
 * Decides count request texts in one call: the bindings' evaluate_many, one crossing of
 * the language boundary for a whole batch. Request i is the lengths[i] bytes of texts
 * that follow request i - 1 (the texts one after another, nothing between them). Each
 * gets one line of output, in order, ending in '\n': its decision JSON in the given form,
 * exactly as retour_evaluator_evaluate_json() writes it, or for a request that cannot be
 * decided
 *   {"error":{"code":-5,"file":"<request>","line":1,"column":12,"offset":11,
 *             "path":"items[0].price","message":"...","formatted":"<request>:1:12: ..."}}
 * with the fields of the retour_error that retour_evaluator_evaluate_json() gives (code a
 * retour_status, formatted as retour_error_format() writes it). One request's error does
 * not stop the others.
 * @param[out] out     receives the lines, NUL-terminated, in the evaluator's buffer: valid
 *                     until the next call with this evaluator or its free. Untouched on
 *                     failure.
 * @param[out] len     may be NULL; receives strlen(*out).
 * @param[out] failed  may be NULL; receives the number of error lines.
 * @param[in]  texts   the requests' bytes; may be NULL when every length is 0.
 * @param[in]  lengths count lengths; may be NULL when count is 0.
 * @returns 0 when every request was read (decided or given its error line), or
 *          RETOUR_EINVAL (NULL out, NULL or invalid evaluator, NULL texts or lengths that
 *          are needed, bad form or lang) or RETOUR_ENOMEM, with nothing written.
 * Threads: the evaluator must not be used by another thread during the call.
 */
RETOUR_API int retour_evaluator_evaluate_many(const char **out, size_t *len, size_t *failed,
                                              retour_evaluator *evaluator, const char *texts,
                                              const size_t *lengths, size_t count,
                                              retour_json_form form, retour_lang lang,
                                              retour_error *err);

#ifdef __cplusplus
}
#endif
#endif /* RETOUR_H */
