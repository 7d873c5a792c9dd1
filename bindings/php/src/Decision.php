<?php

declare(strict_types=1);

namespace Retour;

/**
 * One decision, built from the library's canonical decision JSON. Plain immutable data:
 * it holds no C memory, so it may outlive its Policy and be serialised or cached freely.
 *
 * Amounts are strings with the currency's decimals ("503.95"); refund['amount_minor'] is
 * the integer in minor units. Dates are "YYYY-MM-DD", or null when they do not apply (a
 * complaint has none). An item's remedy is the remedy granted ("repair", "refund",
 * "repair_discount", ...) or null; its remedy_percent is a percentage string ("50.00") for a
 * partial refund or repair discount, else null.
 *
 * @phpstan-type Reason array{code: string, message: string, source: ?string, law: ?string}
 * @phpstan-type Item array{index: int, sku: string, category: string, outcome: string,
 *     refund: string, deduction: string, remedy: ?string, remedy_percent: ?string,
 *     reasons: list<Reason>}
 */
final class Decision
{
    /**
     * @param string $outcome            accept, accept_goodwill, partial, review or reject
     * @param string $basis              withdrawal_right, shop_policy, goodwill, legal_guarantee
     *                                   or commercial_guarantee
     * @param string $type               the request type: withdrawal or complaint
     * @param list<array<string, mixed>> $items    one entry per request item, in request order
     * @param list<array<string, mixed>> $reasons  reasons about the whole request; reasons
     *                                   about one item are in $items[$i]['reasons']
     * @param array<string, mixed> $refund amount, amount_minor, items, deductions,
     *                                   outbound_shipping, store_credit, currency
     * @param string|null $withdrawalDeadline last day to withdraw
     * @param string|null $returnBy      last day to send the goods back
     * @param string|null $refundBy      last day for the shop to refund
     * @param string $calendar           how deadlines are counted ("calendar_days", "weekends",
     *                                    "weekends_and_nl_holidays", ..._de_, _be_, _fr_)
     * @param string $returnShipping     who pays the return: customer or shop
     * @param string $storeCredit        store credit granted (goodwill), e.g. "25.00"; "0.00"
     *                                   when none (refund['store_credit'])
     */
    private function __construct(
        private readonly string $json,
        public readonly string $outcome,
        public readonly string $basis,
        public readonly string $type,
        public readonly array $items,
        public readonly array $reasons,
        public readonly array $refund,
        public readonly ?string $withdrawalDeadline,
        public readonly ?string $returnBy,
        public readonly ?string $refundBy,
        public readonly string $calendar,
        public readonly string $returnShipping,
        public readonly string $storeCredit,
    ) {
    }

    /**
     * Builds a Decision from decision JSON as retour_evaluate_json() returns it. The text is
     * kept exactly; json() gives it back byte for byte.
     *
     * @throws \JsonException when the text is not JSON
     */
    public static function fromJson(string $json): self
    {
        $d = json_decode($json, true, 64, JSON_THROW_ON_ERROR | JSON_BIGINT_AS_STRING);
        if (!is_array($d)) {
            throw new \JsonException('decision JSON is not an object');
        }
        return new self(
            $json,
            (string) ($d['outcome'] ?? ''),
            (string) ($d['basis'] ?? ''),
            (string) ($d['type'] ?? ''),
            $d['items'] ?? [],
            $d['reasons'] ?? [],
            $d['refund'] ?? [],
            $d['withdrawal_deadline'] ?? null,
            $d['return_by'] ?? null,
            $d['refund_by'] ?? null,
            (string) ($d['calendar'] ?? ''),
            (string) ($d['return_shipping'] ?? ''),
            (string) ($d['refund']['store_credit'] ?? ''),
        );
    }

    /** The canonical decision JSON: the same bytes as `retour eval --format json`, no newline. */
    public function json(): string
    {
        return $this->json;
    }

    /**
     * The decoded JSON as an associative array (every field, snake_case keys).
     *
     * @return array<string, mixed>
     */
    public function toArray(): array
    {
        return json_decode($this->json, true, 64, JSON_THROW_ON_ERROR | JSON_BIGINT_AS_STRING);
    }

    /** The refund as a decimal string in the policy's currency, e.g. "503.95". */
    public function refundAmount(): string
    {
        return (string) ($this->refund['amount'] ?? '');
    }

    /** The policy's currency code, e.g. "EUR". */
    public function currency(): string
    {
        return (string) ($this->refund['currency'] ?? '');
    }

    public function __toString(): string
    {
        return $this->json;
    }
}
