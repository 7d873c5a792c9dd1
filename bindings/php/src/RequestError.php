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
}
