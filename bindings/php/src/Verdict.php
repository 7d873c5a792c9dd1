<?php

declare(strict_types=1);

namespace Retour;

/**
 * The short answer to "can this be returned, and why (not)?" (retour_verdict): what the full
 * decision says in three fields, without building it. The property names are those of the
 * library's verdict JSON.
 *
 *  - outcome: accept, accept_goodwill, partial, review or reject;
 *  - deciding_reason: the code of the reason that decided, or null;
 *  - withdrawal_deadline: "YYYY-MM-DD", or null (a complaint has none).
 */
final class Verdict
{
    public function __construct(
        public readonly string $outcome,
        public readonly ?string $deciding_reason,
        public readonly ?string $withdrawal_deadline,
    ) {
    }

    /**
     * From the verdict JSON the library writes (RETOUR_JSON_VERDICT).
     *
     * @throws \JsonException when the text is not JSON
     */
    public static function fromJson(string $json): self
    {
        $v = json_decode($json, true, 4, JSON_THROW_ON_ERROR);
        return new self((string) $v['outcome'], $v['deciding_reason'], $v['withdrawal_deadline']);
    }

    /** @return array{outcome: string, deciding_reason: ?string, withdrawal_deadline: ?string} */
    public function toArray(): array
    {
        return ['outcome' => $this->outcome, 'deciding_reason' => $this->deciding_reason,
            'withdrawal_deadline' => $this->withdrawal_deadline];
    }
}
