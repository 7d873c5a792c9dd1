<?php

declare(strict_types=1);

namespace Retour;

/**
 * A request that libretour refused: invalid YAML/JSON or schema (file "<request>", with line,
 * column and key path), or a request that does not fit the policy (RETOUR_EREQUEST, e.g. a
 * missing "ordered" date; path names the key). Same fields as PolicyError, of which it is a
 * subclass: `catch (PolicyError $e)` catches both.
 */
class RequestError extends PolicyError
{
    private ?int $index = null;

    /**
     * From Policy::evaluateMany() and its kin: the position of the request among those given;
     * null otherwise.
     */
    public function getIndex(): ?int
    {
        return $this->index;
    }

    /**
     * The error of an error line of retour_evaluator_evaluate_many() (internal).
     *
     * @internal
     * @param array{code: int, file: string, line: int, column: int, offset: int, path: string,
     *              message: string, formatted: string} $e
     */
    public static function fromLine(array $e, int $index): self
    {
        $error = new self($e['message'], $e['code'], $e['file'], $e['line'], $e['column'],
            $e['path'], $e['offset'], $e['formatted']);
        $error->index = $index;
        return $error;
    }
}
