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

    /**
     * Decides a request (retour_evaluate_json). The request is an array (serialised to JSON:
     * use strings for money, "499.00", and omit empty maps or pass them as objects) or a
     * string of YAML or JSON text. No clock is read: every date comes from the request.
     *
     * @param array<string, mixed>|string $request
     * @param string $lang 'en' or 'nl': the language of the reason messages
     * @throws RequestError when the request is invalid or does not fit the policy
     * @throws \InvalidArgumentException for an unknown language
     * @throws \JsonException when the array cannot be encoded as JSON
     * @throws \LogicException when the policy was closed
     */
    public function evaluate(array|string $request, string $lang = 'en'): Decision
    {
        $langCode = match ($lang) {
            'en' => 0,
            'nl' => 1,
            default => throw new \InvalidArgumentException("unknown language '$lang' (en or nl)"),
        };
        $text = is_string($request)
            ? $request
            : json_encode($request, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES
                | JSON_UNESCAPED_UNICODE | JSON_PRESERVE_ZERO_FRACTION);
        $handle = $this->handle();
        $ffi = $this->library->ffi();
        $out = $ffi->new('char *');
        $len = $ffi->new('size_t');
        $err = $ffi->new('retour_error');
        $rc = $ffi->retour_evaluate_json(FFI::addr($out), FFI::addr($len), $handle, $text,
                                         strlen($text), $langCode, FFI::addr($err));
        if ($rc !== 0 || FFI::isNull($out)) {
            throw RequestError::fromCError($this->library, $err);
        }
        try {
            $json = FFI::string($out, $len->cdata);
        } finally {
            $ffi->retour_string_free($out);
        }
        return Decision::fromJson($json);
    }

    /** Frees the C policy. Safe to call more than once. */
    public function close(): void
    {
        if ($this->handle !== null) {
            $handle = $this->handle;
            $this->handle = null;
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
