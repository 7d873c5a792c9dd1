<?php

// No leaks: RSS stays flat over 100,000 evaluations and many policy loads.
// RETOUR_RSS_BOUND_KIB overrides the bound (default 20 MiB after warm-up).

declare(strict_types=1);

use Retour\Policy;
use Retour\RequestError;

function rss_bound_kib(): int
{
    return (int) (getenv('RETOUR_RSS_BOUND_KIB') ?: 20 * 1024);
}

function note(string $text): void
{
    echo "# $text\n";
}

test('100,000 evaluations: RSS growth stays under the bound', function (): void {
    $policy = Policy::fromFile('examples/policies/nl-electronics.yaml', LIB);
    $yaml = (string) file_get_contents(REPO . '/examples/requests/opened-phone.yaml');
    $array = phone_request_array();
    for ($i = 0; $i < 2000; $i++) {
        $policy->evaluate($i % 2 ? $yaml : $array);
    }
    gc_collect_cycles();
    $before = rss_kib();
    $t = microtime(true);
    $refund = '';
    for ($i = 0; $i < 100000; $i++) {
        $d = $policy->evaluate($i % 2 ? $yaml : $array, $i % 3 ? 'en' : 'nl');
        $refund = $d->refund['amount'];
    }
    unset($d);
    gc_collect_cycles();
    $after = rss_kib();
    note(sprintf('100000 evaluations in %.2fs: VmRSS %d KiB -> %d KiB (%+d KiB)',
        microtime(true) - $t, $before, $after, $after - $before));
    assertSame('503.95', $refund, 'still deciding correctly');
    assertTrue($after - $before < rss_bound_kib(), 'RSS grew by ' . ($after - $before) . ' KiB');
    $policy->close();
});

test('10,000 failing requests: RSS growth stays under the bound', function (): void {
    $policy = Policy::fromFile('examples/policies/nl-electronics.yaml', LIB);
    $bad = "type: withdrawal\nnotified: 2026-03-16\nitems:\n  - sku: X\n    price: \"1.005\"\n"
        . "    delivered: 2026-03-03\n";
    for ($i = 0; $i < 500; $i++) {
        try { $policy->evaluate($bad); } catch (RequestError) {}
    }
    gc_collect_cycles();
    $before = rss_kib();
    $caught = 0;
    for ($i = 0; $i < 10000; $i++) {
        try {
            $policy->evaluate($bad);
        } catch (RequestError) {
            $caught++;
        }
    }
    gc_collect_cycles();
    $after = rss_kib();
    note(sprintf('10000 request errors: VmRSS %d KiB -> %d KiB (%+d KiB)', $before, $after, $after - $before));
    assertSame(10000, $caught, 'every one failed');
    assertTrue($after - $before < rss_bound_kib(), 'RSS grew by ' . ($after - $before) . ' KiB');
});

test('20,000 policy loads freed by close(), __destruct and the cycle collector', function (): void {
    $yaml = (string) file_get_contents(REPO . '/examples/policies/nl-jeweller.yaml');
    $load = static fn (): Policy => Policy::fromString($yaml, 'nl-jeweller.yaml', LIB);
    for ($i = 0; $i < 500; $i++) {
        $load()->close();
    }
    gc_collect_cycles();
    $before = rss_kib();
    for ($i = 0; $i < 20000; $i++) {
        switch ($i % 3) {
            case 0: // explicit close
                $p = $load();
                $p->close();
                break;
            case 1: // destructor when the last reference goes
                $p = $load();
                $p->evaluate(phone_request_array());
                break;
            default: // a reference cycle, freed by gc_collect_cycles() below
                $o = new \stdClass();
                $o->policy = $load();
                $o->self = $o;
                unset($o);
        }
        unset($p);
        if ($i % 1000 === 999) {
            gc_collect_cycles();
        }
    }
    gc_collect_cycles();
    $after = rss_kib();
    note(sprintf('20000 policy loads: VmRSS %d KiB -> %d KiB (%+d KiB)', $before, $after, $after - $before));
    assertTrue($after - $before < rss_bound_kib(), 'RSS grew by ' . ($after - $before) . ' KiB');
});
