<?php

declare(strict_types=1);

namespace Retour;

use FFI;

/**
 * A policy that libretour refused (RETOUR_E* code from retour_policy_load_file/_string),
 * carrying the fields of the C struct retour_error.
 *
 * Like PHP's own \ParseError, getFile() and getLine() name the place in the *parsed input*
 * (the policy file, or the name given to Policy::fromString()), not the PHP line that threw;
 * getTrace() still has the PHP side. For an error not tied to a place, getLine() is 0.
 *
 *  - getCode():    the retour_status value, one of the constants below (negative);
 *  - getFile():    the file name, or the name given for a string ("<string>"), or "";
 *  - getLine():    1-based line, 0 when unknown;
 *  - getColumn():  1-based column, 0 when unknown;
 *  - getOffset():  0-based byte offset in the input;
 *  - getPath():    key path of the offending node ("withdrawal.dayz", "items[0].price"),
 *                  "" for the whole document;
 *  - getMessage(): the library's one-line message;
 *  - format():     "file:line:col: error: path: message", as `retour eval` prints it.
 */
class PolicyError extends \RuntimeException
{
    public const EINVAL = -1;
    public const ENOMEM = -2;
    public const EIO = -3;
    public const ESYNTAX = -4;
    public const ESCHEMA = -5;
    public const ELIMIT = -6;
    public const ERANGE = -7;
    public const EREQUEST = -8;

    private readonly string $formatted;

    public function __construct(
        string $message,
        int $code,
        string $file = '',
        int $line = 0,
        private readonly int $column = 0,
        private readonly string $path = '',
        private readonly int $offset = 0,
        ?string $formatted = null,
        ?\Throwable $previous = null,
    ) {
        parent::__construct($message, $code, $previous);
        $this->file = $file;
        $this->line = $line;
        $this->formatted = $formatted ?? self::formatFields($file, $line, $column, $path, $message);
    }

    /**
     * Builds the exception from a filled retour_error (internal to the binding).
     *
     * @internal
     */
    public static function fromCError(Library $library, FFI\CData $err): static
    {
        $ffi = $library->ffi();
        $size = $ffi->retour_error_format(null, 0, FFI::addr($err));
        $formatted = null;
        if ($size >= 0) {
            $buf = $ffi->new('char[' . ($size + 1) . ']');
            $ffi->retour_error_format($buf, $size + 1, FFI::addr($err));
            $formatted = FFI::string($buf, $size);
        }
        $message = FFI::string($err->message);
        if ($message === '') {
            $message = $library->strerror($err->code);
        }
        return new static(
            $message,
            $err->code,
            FFI::string($err->file),
            $err->line,
            $err->column,
            FFI::string($err->path),
            $err->offset,
            $formatted,
        );
    }

    private static function formatFields(string $file, int $line, int $column, string $path,
                                         string $message): string
    {
        $where = $file === '' ? '' : ($line > 0 ? "$file:$line:$column: " : "$file: ");
        return $where . 'error: ' . ($path === '' ? '' : "$path: ") . $message;
    }

    /** 1-based column, 0 when unknown. */
    public function getColumn(): int
    {
        return $this->column;
    }

    /** Key path of the offending node, "" for the whole document. */
    public function getPath(): string
    {
        return $this->path;
    }

    /** 0-based byte offset in the input. */
    public function getOffset(): int
    {
        return $this->offset;
    }

    /** "file:line:col: error: path: message" (retour_error_format). */
    public function format(): string
    {
        return $this->formatted;
    }
}
