<?php

// Specific decisions from examples/README.md, through every kind of request input.

declare(strict_types=1);

use Retour\Decision;
use Retour\Policy;

function example_policy(string $name): Policy
{
    return Policy::fromFile("examples/policies/$name.yaml", LIB);
}

function example_request(string $file): string
{
    return (string) file_get_contents(REPO . "/examples/requests/$file");
}

/** @return list<string> */
function codes(array $reasons): array
{
    return array_map(static fn (array $r): string => $r['code'], $reasons);
}

/** The opened phone of story 1, as a PHP array. */
function phone_request_array(): array
{
    return [
        'type' => 'withdrawal',
        'ordered' => '2026-03-01',
        'notified' => '2026-03-16',
        'shipping_paid' => '4.95',
        'items' => [[
            'sku' => 'PHONE-S4',
            'category' => 'electronics',
            'price' => '499.00',
            'quantity' => 1,
            'delivered' => '2026-03-03',
            'packaging' => 'opened',
        ]],
        'customer' => ['orders' => 4, 'claims_last_year' => 0],
    ];
}

test('opened phone (YAML text): accept, refund 503.95, deadlines and reasons', function (): void {
    $policy = example_policy('nl-electronics');
    $d = $policy->evaluate(example_request('opened-phone.yaml'));
    assertTrue($d instanceof Decision, 'a Decision');
    assertSame('accept', $d->outcome, 'outcome');
    assertSame('withdrawal_right', $d->basis, 'basis');
    assertSame('503.95', $d->refund['amount'], 'refund amount');
    assertSame(50395, $d->refund['amount_minor'], 'refund in cents');
    assertSame('4.95', $d->refund['outbound_shipping'], 'outbound shipping');
    assertSame('503.95', $d->refundAmount(), 'refundAmount()');
    assertSame('EUR', $d->currency(), 'currency()');
    assertSame('2026-03-17', $d->withdrawalDeadline, 'withdrawal deadline');
    assertSame('2026-03-30', $d->returnBy, 'return by');
    assertSame('2026-03-30', $d->refundBy, 'refund by');
    assertSame('customer', $d->returnShipping, 'return shipping');
    assertSame('weekends_and_nl_holidays', $d->calendar, 'calendar');
    assertSame('withdrawal', $d->type, 'type');
    assertSame('0.00', $d->storeCredit, 'no store credit');
    assertSame(null, $d->items[0]['remedy'], 'no remedy');
    assertSame(null, $d->items[0]['remedy_percent'], 'no remedy percent');
    assertSame(['within_withdrawal_period', 'outbound_shipping_refunded'], codes($d->reasons), 'reasons');
    assertSame('examples/policies/nl-electronics.yaml:5:15', $d->reasons[0]['source'], 'source');
    assertSame('BW 6:230o; Directive 2011/83/EU art. 9', $d->reasons[0]['law'], 'law');
    assertContains('within the statutory withdrawal period', $d->reasons[0]['message']);
    assertSame(1, count($d->items), 'one item');
    assertSame('PHONE-S4', $d->items[0]['sku'], 'sku');
    assertSame('accept', $d->items[0]['outcome'], 'item outcome');
    assertSame('499.00', $d->items[0]['refund'], 'item refund');
    assertSame(['packaging_opened_allowed'], codes($d->items[0]['reasons']), 'item reasons');
    $policy->close();
});

test('the same request as an array, as JSON text and as YAML gives the same bytes', function (): void {
    $policy = example_policy('nl-electronics');
    $yaml = $policy->evaluate(example_request('opened-phone.yaml'))->json();
    $json = $policy->evaluate(example_request('opened-phone.json'))->json();
    $array = $policy->evaluate(phone_request_array())->json();
    assertSame($yaml, $json, 'JSON text');
    assertSame($yaml, $array, 'PHP array');
    assertSame('{"outcome":"accept",', substr($array, 0, 20), 'starts with the outcome');
    assertTrue(!str_ends_with($array, "\n"), 'no trailing newline');
});

test('money as numbers in an array (int and float) is read exactly', function (): void {
    $policy = example_policy('nl-electronics');
    $req = phone_request_array();
    $req['items'][0]['price'] = 499;
    $req['shipping_paid'] = 4.95;
    $d = $policy->evaluate($req);
    assertSame('503.95', $d->refund['amount']);
    $req['items'][0]['price'] = 499.0;
    assertSame('503.95', $policy->evaluate($req)->refund['amount'], 'float with zero fraction');
});

test('unsealed earrings: reject with excluded_unsealed_hygiene, no dates', function (): void {
    $d = example_policy('nl-jeweller')->evaluate(example_request('unsealed-earrings.yaml'));
    assertSame('reject', $d->outcome, 'outcome');
    assertSame('withdrawal_right', $d->basis, 'basis');
    assertSame('0.00', $d->refund['amount'], 'refund');
    assertSame('2026-05-07', $d->withdrawalDeadline, 'withdrawal deadline');
    assertSame(null, $d->returnBy, 'return by');
    assertSame(null, $d->refundBy, 'refund by');
    assertSame(['within_withdrawal_period'], codes($d->reasons), 'request reasons');
    assertSame('reject', $d->items[0]['outcome'], 'item outcome');
    assertSame(['excluded_unsealed_hygiene'], codes($d->items[0]['reasons']), 'item reasons');
    assertContains('art. 16(e)', (string) $d->items[0]['reasons'][0]['law'], 'law');
});

test('damaged box: partial with a 20% deduction', function (): void {
    $d = example_policy('nl-electronics')->evaluate(example_request('damaged-box.yaml'));
    assertSame('partial', $d->outcome);
    assertSame('124.15', $d->refund['amount'], 'refund');
    assertSame('29.80', $d->refund['deductions'], 'deductions');
    assertSame('29.80', $d->items[0]['deduction'], 'item deduction');
    assertSame(['damaged_deduction'], codes($d->items[0]['reasons']));
});

test('mixed order: one item accepted, one rejected, delivery not refunded', function (): void {
    $d = example_policy('nl-jeweller')->evaluate(example_request('mixed-order.yaml'));
    assertSame('partial', $d->outcome);
    assertSame('89.00', $d->refund['amount']);
    assertSame(['accept', 'reject'], array_column($d->items, 'outcome'), 'item outcomes');
    assertSame(['within_withdrawal_period', 'outbound_shipping_not_refunded'], codes($d->reasons));
});

test('late return: reject on basis shop_policy, withdrawal_period_expired', function (): void {
    $d = example_policy('nl-jeweller')->evaluate(example_request('late-return.yaml'));
    assertSame('reject', $d->outcome);
    assertSame('shop_policy', $d->basis);
    assertSame(['withdrawal_period_expired'], codes($d->reasons));
    assertSame('2026-03-04', $d->withdrawalDeadline);
});

test('missing box and unknown seal: review', function (): void {
    $policy = example_policy('nl-electronics');
    $d = $policy->evaluate(example_request('missing-box.yaml'));
    assertSame('review', $d->outcome);
    assertSame(['missing_packaging_review'], codes($d->items[0]['reasons']));
    $d = $policy->evaluate(example_request('software-unknown-seal.yaml'));
    assertSame('review', $d->outcome);
    assertSame(['packaging_state_unknown'], codes($d->items[0]['reasons']));
});

test('Dutch messages with lang nl, same codes', function (): void {
    $policy = example_policy('nl-electronics');
    $en = $policy->evaluate(example_request('opened-phone.yaml'));
    $nl = $policy->evaluate(example_request('opened-phone.yaml'), 'nl');
    assertSame(codes($en->reasons), codes($nl->reasons), 'codes');
    assertTrue($en->reasons[0]['message'] !== $nl->reasons[0]['message'], 'messages differ');
    assertSame($en->refund, $nl->refund, 'refund');
});

test('an unknown language is an InvalidArgumentException', function (): void {
    $policy = example_policy('nl-electronics');
    $e = assertThrows(\InvalidArgumentException::class,
        fn () => $policy->evaluate(example_request('opened-phone.yaml'), 'de'));
    assertContains("'de'", $e->getMessage());
});

test('fromString: the given name is the source of reasons', function (): void {
    $yaml = (string) file_get_contents(REPO . '/examples/policies/nl-electronics.yaml');
    $policy = Policy::fromString($yaml, 'shop-42.yaml', LIB);
    assertSame('shop-42.yaml', $policy->name());
    $d = $policy->evaluate(phone_request_array());
    assertSame('shop-42.yaml:5:15', $d->reasons[0]['source']);
    assertSame('<string>', Policy::fromString($yaml, library: LIB)->name(), 'default name');
});

test('policy accessors: shop, jurisdiction, currency, decimals', function (): void {
    $policy = example_policy('nl-jeweller');
    assertSame('Juwelier Zilverdraad', $policy->shop());
    assertSame('NL', $policy->jurisdiction());
    assertSame('EUR', $policy->currency());
    assertSame(2, $policy->currencyDecimals());
    assertSame('', Policy::fromString("retour: 1\njurisdiction: NL\ncurrency: EUR\n", 'm', LIB)->shop(),
        'no shop');
});

test('a decision is plain data: outlives its policy, serialises, toArray()', function (): void {
    $policy = example_policy('nl-electronics');
    $d = $policy->evaluate(example_request('opened-phone.yaml'));
    $policy->close();
    unset($policy);
    $copy = unserialize(serialize($d));
    assertSame($d->json(), $copy->json(), 'json after unserialize');
    assertSame('accept', $copy->outcome);
    assertSame(json_decode($d->json(), true), $d->toArray(), 'toArray');
    assertSame($d->json(), (string) $d, '__toString');
    $again = Decision::fromJson($d->json());
    assertSame($d->items, $again->items, 'fromJson');
});

test('complaints: presumed defect to review, goodwill repair discount, late goodwill refund', function (): void {
    $policy = example_policy('nl-jeweller');
    $d = $policy->evaluate(example_request('bracelet-worn-once.yaml'));
    assertSame('review', $d->outcome, 'bracelet outcome');
    assertSame('legal_guarantee', $d->basis, 'bracelet basis');
    assertSame('complaint', $d->type, 'bracelet type');
    assertSame(null, $d->withdrawalDeadline, 'a complaint has no withdrawal deadline');
    assertSame(null, $d->returnBy, 'return by');
    assertSame(['presumed_defect', 'inspection_required'], codes($d->items[0]['reasons']), 'bracelet reasons');
    assertSame('Directive (EU) 2019/771 art. 11', $d->items[0]['reasons'][0]['law'], 'law');
    assertSame(null, $d->items[0]['remedy'], 'no remedy before inspection');

    $d = $policy->evaluate(example_request('bent-clasp-returning.yaml'));
    assertSame('accept_goodwill', $d->outcome, 'clasp outcome');
    assertSame('goodwill', $d->basis, 'clasp basis');
    assertSame('complaint', $d->type, 'clasp type');
    assertSame('repair_discount', $d->items[0]['remedy'], 'remedy');
    assertSame('50.00', $d->items[0]['remedy_percent'], 'remedy percent');
    assertSame(['customer_caused_damage', 'goodwill_rule'], codes($d->items[0]['reasons']), 'clasp reasons');
    assertSame('0.00', $d->refundAmount(), 'clasp refund');

    $d = $policy->evaluate(example_request('late-loyal-small.yaml'));
    assertSame('accept_goodwill', $d->outcome, 'late outcome');
    assertSame('withdrawal', $d->type, 'late type');
    assertSame('34.50', $d->refundAmount(), 'late refund');
    assertSame('refund', $d->items[0]['remedy'], 'late remedy');
    assertSame(null, $d->items[0]['remedy_percent'], 'late remedy percent');
    assertSame('0.00', $d->storeCredit, 'late store credit');
});

test('a goodwill grant of store credit: storeCredit, nothing refunded', function (): void {
    $yaml = (string) file_get_contents(REPO . '/examples/policies/nl-jeweller.yaml');
    $yaml = preg_replace('/^    grant: refund$/m', '    grant: store_credit', $yaml, 1, $count);
    assertSame(1, $count, 'the loyal-small-late-return rule');
    $d = Policy::fromString($yaml, 'credit.yaml', LIB)->evaluate(example_request('late-loyal-small.yaml'));
    assertSame('accept_goodwill', $d->outcome, 'outcome');
    assertSame('34.50', $d->storeCredit, 'store credit');
    assertSame('34.50', $d->refund['store_credit'], 'refund.store_credit');
    assertSame('0.00', $d->refundAmount(), 'refund');
    assertSame('store_credit', $d->items[0]['remedy'], 'remedy');
});

test('one policy serves many requests, interleaved', function (): void {
    $policy = example_policy('nl-jeweller');
    $outcomes = [];
    foreach (['unsealed-earrings.yaml', 'sealed-earrings.yaml', 'engraved-ring.yaml',
              'shop-window.yaml', 'sealed-earrings.yaml'] as $file) {
        $outcomes[] = $policy->evaluate(example_request($file))->outcome;
    }
    assertSame(['reject', 'accept', 'reject', 'accept', 'accept'], $outcomes);
});
