<?php

declare(strict_types=1);

namespace Retour;

/**
 * libretour could not be found or loaded: a wrong explicit path or RETOUR_LIBRARY, a missing
 * library, or FFI switched off (ffi.enable).
 */
class LibraryError extends \RuntimeException
{
    public function __construct(
        string $message,
        private readonly string $library = '',
        private readonly string $source = '',
        ?\Throwable $previous = null,
    ) {
        parent::__construct($message, 0, $previous);
    }

    /** The path or loader name that was tried. */
    public function getLibrary(): string
    {
        return $this->library;
    }

    /** How it was found: 'argument', 'env', 'pkg-config' or 'system'. */
    public function getSource(): string
    {
        return $this->source;
    }
}
