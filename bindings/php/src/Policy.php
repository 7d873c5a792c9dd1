<?php

declare(strict_types=1);

namespace Retour;

use FFI;

/**
 * A loaded return policy (a retour_policy handle).
 *
 * Memory: close() frees the C policy at once and may be called any number of times;
 * __destruct() calls it, so a Policy that goes out of scope (or is collected in a cycle)
 * is freed too. Using a closed Policy throws \LogicException. A Policy cannot be cloned or
 * serialised (it owns a C handle).
 *
 * Sharing: the C policy is immutable, so one Policy may serve any number of evaluations,
 * one after another, for the life of the process (e.g. a long-running worker). PHP FFI
 * data cannot cross threads (ext-parallel), so with threads load one Policy per thread.
 * Decisions are plain PHP values and may be shared, cached or serialised freely.
 */
final class Policy
{
    private ?FFI\CData $handle = null;

    private function __construct(
        private readonly Library $library,
        FFI\CData $handle,
        private readonly string $name,
    ) {
        $this->handle = $handle;
    }

    /**
     * Loads and validates a policy file (retour_policy_load_file).
     *
     * @param string      $path    the policy file; used as given in errors and reason sources
     * @param string|null $library explicit path to libretour.so (see Library for the lookup)
     * @throws PolicyError  when the file cannot be read (EIO) or is invalid
     * @throws \ValueError  when the path contains a NUL byte
     * @throws LibraryError when libretour cannot be loaded
     */
    public static function fromFile(string $path, ?string $library = null): self
    {
        self::checkNoNul($path, 'path');
        $lib = Library::load($library);
        $ffi = $lib->ffi();
        $out = $ffi->new('retour_policy *');
        $err = $ffi->new('retour_error');
        $rc = $ffi->retour_policy_load_file(FFI::addr($out), $path, null, FFI::addr($err));
        if ($rc !== 0 || FFI::isNull($out)) {
            throw PolicyError::fromCError($lib, $err);
        }
        return new self($lib, $out, $path);
    }

    /**
     * Loads a policy from YAML text (retour_policy_load_string).
     *
     * @param string      $yaml    the policy text (UTF-8)
     * @param string      $name    the name used in errors and reason sources
     * @param string|null $library explicit path to libretour.so (see Library for the lookup)
     * @throws PolicyError  when the text is invalid
     * @throws LibraryError when libretour cannot be loaded
     */
    public static function fromString(string $yaml, string $name = '<string>',
                                      ?string $library = null): self
    {
        self::checkNoNul($name, 'name');
        $lib = Library::load($library);
        $ffi = $lib->ffi();
        $out = $ffi->new('retour_policy *');
        $err = $ffi->new('retour_error');
        $rc = $ffi->retour_policy_load_string(FFI::addr($out), $yaml, strlen($yaml), $name, null,
                                              FFI::addr($err));
        if ($rc !== 0 || FFI::isNull($out)) {
            throw PolicyError::fromCError($lib, $err);
        }
        return new self($lib, $out, $name);
    }

    /** retour_json_form */
    private const FULL = 0;
    private const COMPACT = 1;
    private const VERDICT = 2;

    /** Requests per call of evaluateMany() and its kin (one crossing into C per batch). */
    public const BATCH_SIZE = 256;

    /** The policy's evaluator (made at the first evaluation) and its out parameters. */
    private ?FFI\CData $evaluator = null;
    private FFI\CData $out;
    private FFI\CData $len;
    private FFI\CData $failed;
    private FFI\CData $err;
    private FFI\CData $outPtr;
    private FFI\CData $lenPtr;
    private FFI\CData $failedPtr;
    private FFI\CData $errPtr;

    private function evaluator(): FFI\CData
    {
        $handle = $this->handle();
        if ($this->evaluator === null) {
            $ffi = $this->library->ffi();
            $ev = $ffi->new('retour_evaluator *');
            $rc = $ffi->retour_evaluator_new(FFI::addr($ev), $handle, null);
            if ($rc !== 0 || FFI::isNull($ev)) {
                throw new PolicyError($this->library->strerror($rc), $rc);
            }
            $this->out = $ffi->new('const char *');
            $this->len = $ffi->new('size_t');
            $this->failed = $ffi->new('size_t');
            $this->err = $ffi->new('retour_error');
            $this->outPtr = FFI::addr($this->out);
            $this->lenPtr = FFI::addr($this->len);
            $this->failedPtr = FFI::addr($this->failed);
            $this->errPtr = FFI::addr($this->err);
            $this->evaluator = $ev;
        }
        return $this->evaluator;
    }

    private static function langCode(string $lang): int
    {
        return match ($lang) {
            'en' => 0,
            'nl' => 1,
            default => throw new \InvalidArgumentException("unknown language '$lang' (en or nl)"),
        };
    }

    /** @param array<string, mixed>|string $request */
    private static function requestText(array|string $request): string
    {
        return is_string($request)
            ? $request
            : json_encode($request, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES
                | JSON_UNESCAPED_UNICODE | JSON_PRESERVE_ZERO_FRACTION);
    }

    /** One request through the evaluator: its JSON in the given form. */
    private function call(string $text, int $form, int $lang): string
    {
        $ev = $this->evaluator();
        $rc = $this->library->ffi()->retour_evaluator_evaluate_json(
            $this->outPtr, $this->lenPtr, $ev, $text, strlen($text), $form, $lang, $this->errPtr);
        if ($rc !== 0) {
            throw RequestError::fromCError($this->library, $this->err);
        }
        return FFI::string($this->out, $this->len->cdata);
    }

    /**
     * Decides a request (retour_evaluator_evaluate_json, through the policy's evaluator). The
     * request is an array (serialised to JSON: use strings for money, "499.00", and omit empty
     * maps or pass them as objects) or a string of YAML or JSON text. No clock is read: every
     * date comes from the request.
     *
     * @param array<string, mixed>|string $request
     * @param string $lang    'en' or 'nl': the language of the reason messages
     * @param bool   $compact leave the reasons' messages out (codes, sources and citations stay)
     * @throws RequestError when the request is invalid or does not fit the policy
     * @throws \InvalidArgumentException for an unknown language
     * @throws \JsonException when the array cannot be encoded as JSON
     * @throws \LogicException when the policy was closed
     */
    public function evaluate(array|string $request, string $lang = 'en', bool $compact = false): Decision
    {
        return Decision::fromJson($this->evaluateJson($request, $lang, $compact));
    }

    /**
     * The decision as the library's JSON text, without a Decision: what
     * `retour eval --format json` prints (compact: `--format json --compact`).
     *
     * @param array<string, mixed>|string $request
     */
    public function evaluateJson(array|string $request, string $lang = 'en', bool $compact = false): string
    {
        $langCode = self::langCode($lang);
        return $this->call(self::requestText($request), $compact ? self::COMPACT : self::FULL, $langCode);
    }

    /**
     * The verdict of a request: outcome, deciding_reason and withdrawal_deadline, what
     * evaluate() decides in those three fields, for hot paths (an order page).
     *
     * @param array<string, mixed>|string $request
     */
    public function verdict(array|string $request): Verdict
    {
        return Verdict::fromJson($this->call(self::requestText($request), self::VERDICT, 0));
    }

    /**
     * The output lines of one batch through retour_evaluator_evaluate_many.
     *
     * @param list<string> $texts
     * @return list<string>
     */
    private function batch(array $texts, int $form, int $lang): array
    {
        $ev = $this->evaluator();
        $ffi = $this->library->ffi();
        $n = count($texts);
        $lengths = $ffi->new("size_t[$n]");
        foreach ($texts as $i => $text) {
            $lengths[$i] = strlen($text);
        }
        $all = implode('', $texts);
        $rc = $ffi->retour_evaluator_evaluate_many($this->outPtr, $this->lenPtr, $this->failedPtr,
            $ev, $all, $lengths, $n, $form, $lang, $this->errPtr);
        if ($rc !== 0) {
            throw PolicyError::fromCError($this->library, $this->err);
        }
        $lines = explode("\n", FFI::string($this->out, $this->len->cdata));
        array_pop($lines); // after the last "\n"
        return $lines;
    }

    /**
     * Decides requests from any iterable (an array, a generator, a database cursor),
     * $batchSize at a time in one call into the library each, and yields their decisions in
     * order, keyed by position. A request that cannot be decided throws its RequestError
     * (getIndex() is its position; $errors 'throw', the default) or is yielded as that error
     * ($errors 'return').
     *
     * @param iterable<array<string, mixed>|string> $requests
     * @return \Generator<int, Decision|RequestError>
     */
    public function evaluateIter(iterable $requests, string $lang = 'en', bool $compact = false,
                                 string $errors = 'throw', int $batchSize = self::BATCH_SIZE): \Generator
    {
        $this->checkMany($errors, $batchSize);
        return $this->many($requests, $compact ? self::COMPACT : self::FULL, self::langCode($lang),
            $errors, $batchSize, [Decision::class, 'fromJson']);
    }

    /**
     * evaluateIter() as a list: the decision of every request, in order.
     *
     * @param iterable<array<string, mixed>|string> $requests
     * @return list<Decision|RequestError>
     */
    public function evaluateMany(iterable $requests, string $lang = 'en', bool $compact = false,
                                 string $errors = 'throw', int $batchSize = self::BATCH_SIZE): array
    {
        return iterator_to_array($this->evaluateIter($requests, $lang, $compact, $errors, $batchSize), false);
    }

    /**
     * The verdict of every request, in order, $batchSize at a time. Errors as evaluateIter().
     *
     * @param iterable<array<string, mixed>|string> $requests
     * @return list<Verdict|RequestError>
     */
    public function verdictMany(iterable $requests, string $errors = 'throw',
                                int $batchSize = self::BATCH_SIZE): array
    {
        $this->checkMany($errors, $batchSize);
        return iterator_to_array($this->many($requests, self::VERDICT, 0, $errors, $batchSize,
            [Verdict::class, 'fromJson']), false);
    }

    /**
     * evaluateMany() under the name of issue 22.
     *
     * @param iterable<array<string, mixed>|string> $requests
     * @return list<Decision|RequestError>
     */
    public function evaluate_many(iterable $requests, string $lang = 'en', bool $compact = false,
                                  string $errors = 'throw', int $batchSize = self::BATCH_SIZE): array
    {
        return $this->evaluateMany($requests, $lang, $compact, $errors, $batchSize);
    }

    private function checkMany(string $errors, int $batchSize): void
    {
        if ($errors !== 'throw' && $errors !== 'return') {
            throw new \InvalidArgumentException("errors must be 'throw' or 'return', not '$errors'");
        }
        if ($batchSize < 1) {
            throw new \InvalidArgumentException('batchSize must be at least 1');
        }
        $this->handle();
    }

    /**
     * @param iterable<array<string, mixed>|string> $requests
     * @return \Generator<int, mixed>
     */
    private function many(iterable $requests, int $form, int $lang, string $errors, int $batchSize,
                          callable $make): \Generator
    {
        $index = 0;
        $position = 0;
        $texts = [];
        $run = function () use (&$texts, &$index, $form, $lang, $errors, $make): array {
            $out = [];
            foreach ($this->batch($texts, $form, $lang) as $line) {
                if (str_starts_with($line, '{"error":')) {
                    $e = RequestError::fromLine(json_decode($line, true, 4, JSON_THROW_ON_ERROR)['error'], $index);
                    if ($errors === 'throw') {
                        throw $e;
                    }
                    $out[] = $e;
                } else {
                    $out[] = $make($line);
                }
                $index++;
            }
            $texts = [];
            return $out;
        };
        foreach ($requests as $request) {
            if (!is_array($request) && !is_string($request)) {
                throw new \TypeError('a request must be an array or a string, not ' . get_debug_type($request));
            }
            $texts[] = self::requestText($request);
            if (count($texts) === $batchSize) {
                foreach ($run() as $result) {
                    yield $position++ => $result;
                }
            }
        }
        if ($texts !== []) {
            foreach ($run() as $result) {
                yield $position++ => $result;
            }
        }
    }

    /** Frees the C policy. Safe to call more than once. */
    public function close(): void
    {
        if ($this->handle !== null) {
            $handle = $this->handle;
            $this->handle = null;
            if ($this->evaluator !== null) {
                $this->library->ffi()->retour_evaluator_free($this->evaluator);
                $this->evaluator = null;
            }
            $this->library->ffi()->retour_policy_free($handle);
        }
    }

    public function __destruct()
    {
        $this->close();
    }

    /** Whether close() has run. */
    public function isClosed(): bool
    {
        return $this->handle === null;
    }

    /** The file path or the name given to fromString(). */
    public function name(): string
    {
        return $this->name;
    }

    /** The shop name ("" when absent), retour_policy_shop(). */
    public function shop(): string
    {
        return (string) $this->library->ffi()->retour_policy_shop($this->handle());
    }

    /** The jurisdiction as written: "NL", "EU", "UK", "none", ... */
    public function jurisdiction(): string
    {
        return (string) $this->library->ffi()->retour_policy_jurisdiction($this->handle());
    }

    /** The ISO 4217 currency code. */
    public function currency(): string
    {
        return (string) $this->library->ffi()->retour_policy_currency($this->handle());
    }

    /** The number of decimals of the currency (EUR 2, JPY 0). */
    public function currencyDecimals(): int
    {
        return $this->library->ffi()->retour_policy_currency_decimals($this->handle());
    }

    /** The library this policy was loaded with. */
    public function library(): Library
    {
        return $this->library;
    }

    /** A C string ends at the first NUL: refuse names that would be cut short. */
    private static function checkNoNul(string $value, string $what): void
    {
        if (str_contains($value, "\0")) {
            throw new \ValueError("the policy $what must not contain NUL bytes");
        }
    }

    private function handle(): FFI\CData
    {
        if ($this->handle === null) {
            throw new \LogicException("policy '{$this->name}' is closed");
        }
        return $this->handle;
    }

    /** Private: `clone $policy` is an Error, so two objects never free one handle. */
    private function __clone()
    {
    }

    public function __serialize(): array
    {
        throw new \LogicException('a Policy owns a C handle and cannot be serialised');
    }

    /** @param array<mixed> $data */
    public function __unserialize(array $data): void
    {
        throw new \LogicException('a Policy cannot be unserialised; load it with fromFile()');
    }
}
