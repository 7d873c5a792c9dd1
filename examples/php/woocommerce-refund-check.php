<?php

/**
 * How a WooCommerce plugin asks libretour: "may this order item be returned, and why?"
 *
 * A customer fills in the shop's return form for one line item of an order. The plugin turns
 * the order and the form into a libretour request, decides it against the shop's policy, and
 * shows the answer, the reasons and the refund. Here a plain array stands in for the order, so
 * the example runs without WordPress; the comments name the WooCommerce call for each value.
 *
 * From the repository root, after building the library (ninja -C build):
 *
 *     php examples/php/woocommerce-refund-check.php
 *     php examples/php/woocommerce-refund-check.php --item=102 --packaging=opened --lang=nl
 *     php examples/php/woocommerce-refund-check.php --item=all --packaging=sealed
 *
 * Options: --item=101|102|all (the line items returned; default 101, the phone),
 * --packaging=sealed|opened|damaged|missing|unknown (default opened),
 * --notified=YYYY-MM-DD (when the customer sent the form; default 2026-03-16), --lang=en|nl.
 * Under PHP-FPM set ffi.enable=true in php.ini (Debian's default, "preload", allows FFI in the
 * CLI only); see bindings/php/README.md.
 */

declare(strict_types=1);

// In a plugin: require __DIR__ . '/vendor/autoload.php' after `composer require libretour/retour`.
require __DIR__ . '/../../bindings/php/autoload.php';

use Retour\Policy;
use Retour\PolicyError;

// ---- The order, as the plugin would read it from WooCommerce ($order = wc_get_order(1042)) ----
$order = [
    'id' => 1042,                                // $order->get_id()
    'date_created' => '2026-03-01',              // $order->get_date_created()->date('Y-m-d')
    'shipping_total' => '4.95',                  // wc_format_decimal($order->get_shipping_total(), 2)
    'delivered' => '2026-03-03',                 // from the carrier's tracking, e.g. order meta
    'customer_orders' => 4,                      // wc_get_customer_order_count($order->get_customer_id())
    'items' => [                                 // $order->get_items(), keyed by item id
        101 => [
            'name' => 'Phone S4',                // $item->get_name()
            'sku' => 'PHONE-S4',                 // $item->get_product()->get_sku()
            'category' => 'electronics',         // the product_cat slug the policy lists
            'unit_price' => '499.00',            // wc_format_decimal($order->get_item_total($item), 2)
            'quantity' => 1,                     // $item->get_quantity()
        ],
        102 => [
            'name' => 'Office suite (boxed)',
            'sku' => 'SW-OFFICE-BOX',
            'category' => 'software',            // sealed software: excluded once unsealed
            'unit_price' => '129.00',
            'quantity' => 1,
        ],
    ],
];

// ---- The return form, as posted by the customer ----
$opts = getopt('', ['item:', 'packaging:', 'notified:', 'lang:']) ?: [];
$itemIds = ($opts['item'] ?? '101') === 'all' ? array_keys($order['items']) : [(int) ($opts['item'] ?? 101)];
$form = [
    'item_ids' => $itemIds,
    'packaging' => $opts['packaging'] ?? 'opened',   // what the customer (or the warehouse) says
    'notified' => $opts['notified'] ?? '2026-03-16', // the day the form was sent: never "today" implicitly
];
$lang = $opts['lang'] ?? 'en';
foreach ($itemIds as $id) {
    if (!isset($order['items'][$id])) {
        fwrite(STDERR, "order #{$order['id']} has no line item $id\n");
        exit(2);
    }
}

/**
 * Builds a libretour request (docs/request-format.md) from the order and the return form.
 * Money stays a decimal string: never pass WooCommerce's floats through arithmetic.
 */
function build_return_request(array $order, array $form): array
{
    $items = [];
    foreach ($form['item_ids'] as $id) {
        $line = $order['items'][$id];
        $item = [
            'sku' => $line['sku'],
            'category' => $line['category'],
            'price' => $line['unit_price'],
            'quantity' => $line['quantity'],
            'delivered' => $order['delivered'],
        ];
        if ($form['packaging'] !== 'unknown') {
            $item['packaging'] = $form['packaging'];
        }
        $items[] = $item;
    }
    return [
        'type' => 'withdrawal',
        'ordered' => $order['date_created'],
        'notified' => $form['notified'],
        'shipping_paid' => $order['shipping_total'],
        // only a return of the whole order gets the outbound delivery back
        'whole_order' => count($form['item_ids']) === count($order['items']),
        'items' => $items,
        'customer' => ['orders' => $order['customer_orders']],
    ];
}

// ---- Ask libretour ----
// The library is found through RETOUR_LIBRARY, pkg-config or the system loader; when none is
// set up and this is the source tree, pass the freshly built library explicitly.
$built = __DIR__ . '/../../build/lib/libretour.so';
$library = getenv('RETOUR_LIBRARY') === false && is_file($built) ? $built : null;
$policyFile = realpath(__DIR__ . '/../policies/nl-electronics.yaml') ?: 'nl-electronics.yaml';

try {
    // In a plugin: load the policy once per process (e.g. in a static) and reuse it.
    $policy = Policy::fromFile($policyFile, $library);
    $decision = $policy->evaluate(build_return_request($order, $form), $lang);
} catch (PolicyError $e) {   // also catches RequestError
    fwrite(STDERR, 'cannot decide: ' . $e->format() . "\n");
    exit(1);
}

// ---- Show the answer ----
$answers = [
    'accept' => 'yes',
    'accept_goodwill' => 'yes, as a goodwill gesture',
    'partial' => 'partly',
    'review' => 'not yet: a person must decide',
    'reject' => 'no',
];
$names = array_map(fn (int $id): string => "\"{$order['items'][$id]['name']}\"", $itemIds);
printf("Order #%d: return of %s, packaging %s, notified %s\n", $order['id'], implode(' and ', $names),
    $form['packaging'], $form['notified']);
printf("Policy: %s (%s, %s)\n\n", $policy->shop(), $policy->jurisdiction(), $policy->currency());

printf("May it be returned? %s (%s, basis %s)\n", $answers[$decision->outcome] ?? $decision->outcome,
    $decision->outcome, $decision->basis);
$r = $decision->refund;
printf("Refund: %s %s (items %s, deductions %s, outbound shipping %s)\n", $r['currency'], $r['amount'],
    $r['items'], $r['deductions'], $r['outbound_shipping']);
printf("Withdraw by %s; send back by %s; refund by %s; return shipping paid by the %s\n\n",
    $decision->withdrawalDeadline ?? '-', $decision->returnBy ?? '-', $decision->refundBy ?? '-',
    $decision->returnShipping);

function print_reasons(array $reasons, string $indent): void
{
    foreach ($reasons as $reason) {
        printf("%s- %s: %s\n", $indent, $reason['code'], $reason['message']);
        if ($reason['law'] !== null) {
            printf("%s    law: %s\n", $indent, $reason['law']);
        }
        if ($reason['source'] !== null) {
            printf("%s    policy: %s\n", $indent, $reason['source']);
        }
    }
}

echo "Why:\n";
print_reasons($decision->reasons, '  ');
foreach ($decision->items as $item) {
    printf("  %s (%s): %s, refund %s, deduction %s\n", $order['items'][$itemIds[$item['index']]]['name'],
        $item['sku'], $item['outcome'], $item['refund'], $item['deduction']);
    print_reasons($item['reasons'], '    ');
}

// In a plugin, keep the decision with the order and act on the reason codes, e.g.:
//     $order->update_meta_data('_retour_decision', $decision->json());
//     $order->add_order_note("Return check: {$decision->outcome} ({$r['amount']} {$r['currency']})");
//     $order->save();
//     if ($decision->outcome === 'accept') { wc_create_refund([...]); }  // after the goods arrive
$policy->close();
