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
 * The properties are decoded from the JSON the first time one of them is read, not before:
 * deciding costs no decoding for a caller that only stores or forwards json(). In a compact
 * decision (evaluate(..., compact: true)) the reasons have no 'message'.
 *
 * @phpstan-type Reason array{code: string, message?: string, source: ?string, law: ?string}
 * @phpstan-type Item array{index: int, sku: string, category: string, outcome: string,
 *     refund: string, deduction: string, remedy: ?string, remedy_percent: ?string,
 *     reasons: list<Reason>}
 */
final class Decision
{
    /*
     * The public read-only properties:
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
    /** The public properties, read from the JSON the first time one of them is used. */
    private const FIELDS = ['outcome', 'basis', 'type', 'items', 'reasons', 'refund',
        'withdrawalDeadline', 'returnBy', 'refundBy', 'calendar', 'returnShipping', 'storeCredit'];

    public readonly string $outcome;
    public readonly string $basis;
    public readonly string $type;
    /** @var list<array<string, mixed>> */
    public readonly array $items;
    /** @var list<array<string, mixed>> */
    public readonly array $reasons;
    /** @var array<string, mixed> */
    public readonly array $refund;
    public readonly ?string $withdrawalDeadline;
    public readonly ?string $returnBy;
    public readonly ?string $refundBy;
    public readonly string $calendar;
    public readonly string $returnShipping;
    public readonly string $storeCredit;

    private function __construct(private readonly string $json)
    {
        // Uninitialised until first read: reading one calls __get(), which decodes the JSON.
        unset($this->outcome, $this->basis, $this->type, $this->items, $this->reasons,
            $this->refund, $this->withdrawalDeadline, $this->returnBy, $this->refundBy,
            $this->calendar, $this->returnShipping, $this->storeCredit);
    }

    /**
     * Builds a Decision from decision JSON as retour_evaluate_json() returns it. The text is
     * kept exactly; json() gives it back byte for byte. It is decoded when a property is
     * first read (a JsonException then when it is not a JSON object).
     */
    public static function fromJson(string $json): self
    {
        return new self($json);
    }

    /** @internal Decodes the JSON into the properties, once. */
    public function __get(string $name): mixed
    {
        if (!in_array($name, self::FIELDS, true)) {
            trigger_error('Undefined property: ' . self::class . '::$' . $name, E_USER_WARNING);
            return null;
        }
        $d = json_decode($this->json, true, 64, JSON_THROW_ON_ERROR | JSON_BIGINT_AS_STRING);
        if (!is_array($d)) {
            throw new \JsonException('decision JSON is not an object');
        }
        $this->outcome = (string) ($d['outcome'] ?? '');
        $this->basis = (string) ($d['basis'] ?? '');
        $this->type = (string) ($d['type'] ?? '');
        $this->items = $d['items'] ?? [];
        $this->reasons = $d['reasons'] ?? [];
        $this->refund = $d['refund'] ?? [];
        $this->withdrawalDeadline = $d['withdrawal_deadline'] ?? null;
        $this->returnBy = $d['return_by'] ?? null;
        $this->refundBy = $d['refund_by'] ?? null;
        $this->calendar = (string) ($d['calendar'] ?? '');
        $this->returnShipping = (string) ($d['return_shipping'] ?? '');
        $this->storeCredit = (string) ($d['refund']['store_credit'] ?? '');
        return $this->$name;
    }

    /** @internal isset() on a property not read yet. */
    public function __isset(string $name): bool
    {
        return in_array($name, self::FIELDS, true) && $this->__get($name) !== null;
    }

    /** @return array{json: string} */
    public function __serialize(): array
    {
        return ['json' => $this->json];
    }

    /** @param array{json: string} $data */
    public function __unserialize(array $data): void
    {
        $this->json = (string) $data['json'];
        unset($this->outcome, $this->basis, $this->type, $this->items, $this->reasons,
            $this->refund, $this->withdrawalDeadline, $this->returnBy, $this->refundBy,
            $this->calendar, $this->returnShipping, $this->storeCredit);
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
