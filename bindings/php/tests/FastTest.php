<?php

// Issue 22 through the binding: the compact decision, the verdict, evaluateMany /
// evaluateIter / verdictMany (one call into the library per batch), lazy decisions, and the
// messages that say how to point the binding at the library.

declare(strict_types=1);

use Retour\Decision;
use Retour\Library;
use Retour\LibraryError;
use Retour\Policy;
use Retour\PolicyError;
use Retour\RequestError;
use Retour\Verdict;

function fast_policy(): Policy
{
    return Policy::fromFile('examples/policies/nl-electronics.yaml', LIB);
}

function fast_phone(): array
{
    return [
        'type' => 'withdrawal', 'ordered' => '2026-03-01', 'notified' => '2026-03-16',
        'shipping_paid' => '4.95',
        'items' => [['sku' => 'PHONE-S4', 'category' => 'electronics', 'price' => '499.00',
                     'quantity' => 1, 'delivered' => '2026-03-03', 'packaging' => 'opened']],
        'customer' => ['orders' => 4, 'claims_last_year' => 0],
    ];
}

function fast_complaint(): array
{
    return ['type' => 'complaint', 'notified' => '2026-03-16',
            'items' => [['sku' => 'PHONE-S4', 'category' => 'electronics', 'price' => '499.00',
                         'delivered' => '2025-10-01']]];
}

function fast_bad_price(): array
{
    return ['type' => 'withdrawal', 'notified' => '2026-03-16',
            'items' => [['sku' => 'A', 'price' => '4.999', 'delivered' => '2026-03-03']]];
}

test('compact: the decision without the reasons\' messages, nothing else', function (): void {
    $policy = fast_policy();
    $full = $policy->evaluate(fast_phone());
    $compact = $policy->evaluate(fast_phone(), 'en', true);
    assertSame('accept', $compact->outcome);
    assertSame(['within_withdrawal_period', 'outbound_shipping_refunded'],
        array_map(fn (array $r): string => $r['code'], $compact->reasons));
    assertTrue(!array_key_exists('message', $compact->reasons[0]), 'no message');
    assertSame('BW 6:230o; Directive 2011/83/EU art. 9', $compact->reasons[0]['law']);
    $stripped = $full->toArray();
    foreach ($stripped['reasons'] as &$r) {
        unset($r['message']);
    }
    unset($r);
    foreach ($stripped['items'][0]['reasons'] as &$r) {
        unset($r['message']);
    }
    unset($r);
    assertSame($stripped, $compact->toArray(), 'full minus messages');
    assertSame($compact->json(), $policy->evaluateJson(fast_phone(), 'nl', true), 'no language');
    assertSame($full->json(), $policy->evaluateJson(fast_phone()), 'evaluateJson');
    if (is_file(CLI)) {
        [$status, $out] = run_command([CLI, 'eval', 'examples/policies/nl-electronics.yaml',
            'examples/requests/opened-phone.yaml', '--format', 'json', '--compact']);
        assertSame(0, $status, 'retour eval');
        assertSame(rtrim($out, "\n"),
            $policy->evaluate((string) file_get_contents('examples/requests/opened-phone.yaml'), 'en', true)->json(),
            'the CLI\'s compact form');
    }
});

test('verdict: outcome, deciding_reason, withdrawal_deadline', function (): void {
    $policy = fast_policy();
    $v = $policy->verdict(fast_phone());
    assertTrue($v instanceof Verdict, 'a Verdict');
    assertSame(['outcome' => 'accept', 'deciding_reason' => 'within_withdrawal_period',
                'withdrawal_deadline' => '2026-03-17'], $v->toArray());
    assertSame('within_withdrawal_period', $v->deciding_reason);
    $c = $policy->verdict(json_encode(fast_complaint()));
    assertSame(['accept', 'presumed_defect', null], [$c->outcome, $c->deciding_reason, $c->withdrawal_deadline]);
    $e = assertThrows(RequestError::class, fn () => $policy->verdict(fast_bad_price()));
    assertSame(PolicyError::ERANGE, $e->getCode());
    assertSame('items[0].price', $e->getPath());
    assertSame(null, $e->getIndex());
});

test('a decision decodes its JSON when a property is first read', function (): void {
    $policy = fast_policy();
    $json = $policy->evaluateJson(fast_phone());
    $d = Decision::fromJson($json);
    assertSame($json, $d->json());
    assertTrue(isset($d->refund), 'isset reads it');
    assertSame('503.95', $d->refundAmount());
    $e = assertThrows(\Error::class, function () use ($d): void {
        $d->outcome = 'reject';
    });
    assertContains('readonly', $e->getMessage());
    $copy = unserialize(serialize(Decision::fromJson($json)));
    assertSame('accept', $copy->outcome);
    assertSame($json, $copy->json());
    $bad = Decision::fromJson('not json');
    assertThrows(\JsonException::class, fn () => $bad->outcome);
});

test('evaluateMany gives what evaluate gives, one by one, one call per batch', function (): void {
    $policy = fast_policy();
    $requests = [fast_phone(), json_encode(fast_complaint()),
                 (string) file_get_contents('examples/requests/opened-phone.yaml'), fast_phone()];
    $one = array_map(fn ($r): string => $policy->evaluate($r)->json(), $requests);
    assertSame($one, array_map(fn (Decision $d): string => $d->json(), $policy->evaluateMany($requests)));
    assertSame($one, array_map(fn (Decision $d): string => $d->json(), $policy->evaluate_many($requests)));
    $compact = array_map(fn ($r): string => $policy->evaluate($r, 'nl', true)->json(), $requests);
    assertSame($compact, array_map(fn (Decision $d): string => $d->json(),
        $policy->evaluateMany($requests, 'nl', true, 'throw', 3)));
    assertSame(array_map(fn ($r): array => $policy->verdict($r)->toArray(), $requests),
        array_map(fn (Verdict $v): array => $v->toArray(), $policy->verdictMany($requests, 'throw', 1)));
    assertSame([], $policy->evaluateMany([]));
    $many = $policy->verdictMany(array_fill(0, 1000, fast_phone()));
    assertSame(1000, count($many));
    assertSame('accept', $many[999]->outcome);
});

test('evaluateMany: errors thrown with their index, or in place', function (): void {
    $policy = fast_policy();
    $requests = [fast_phone(), fast_bad_price(), fast_complaint(), 'type: [', fast_phone()];
    $e = assertThrows(RequestError::class, fn () => $policy->evaluateMany($requests));
    assertSame(1, $e->getIndex());
    $one = assertThrows(RequestError::class, fn () => $policy->evaluate(fast_bad_price()));
    assertSame([$one->getCode(), $one->getFile(), $one->getLine(), $one->getColumn(), $one->getOffset(),
                $one->getPath(), $one->getMessage(), $one->format()],
               [$e->getCode(), $e->getFile(), $e->getLine(), $e->getColumn(), $e->getOffset(),
                $e->getPath(), $e->getMessage(), $e->format()], 'the same error');
    $got = $policy->evaluateMany($requests, 'en', false, 'return', 2);
    assertSame(['Retour\Decision', 'Retour\RequestError', 'Retour\Decision', 'Retour\RequestError',
                'Retour\Decision'], array_map('get_class', $got));
    assertSame([1, 3], [$got[1]->getIndex(), $got[3]->getIndex()]);
    assertSame(PolicyError::ESYNTAX, $got[3]->getCode());
    assertThrows(\InvalidArgumentException::class, fn () => $policy->evaluateMany($requests, 'en', false, 'ignore'));
    assertThrows(\InvalidArgumentException::class, fn () => $policy->evaluateMany($requests, 'en', false, 'throw', 0));
    assertThrows(\InvalidArgumentException::class, fn () => $policy->evaluateMany($requests, 'de'));
    assertThrows(\TypeError::class, fn () => $policy->evaluateMany([42]));
});

test('evaluateIter reads a generator one batch at a time, keyed by position', function (): void {
    $policy = fast_policy();
    $taken = 0;
    $source = (function () use (&$taken): \Generator {
        for ($i = 0; $i < 10; $i++) {
            $taken++;
            yield $i % 3 ? fast_phone() : fast_complaint();
        }
    })();
    $it = $policy->evaluateIter($source, 'en', false, 'throw', 4);
    assertSame(0, $taken, 'nothing read before the first result');
    assertSame('complaint', $it->current()->type);
    assertSame(4, $taken, 'one batch read');
    $keys = [];
    foreach ($it as $k => $d) {
        $keys[] = $k;
    }
    assertSame(range(0, 9), $keys);
    assertSame(10, $taken);
});

test('a closed policy refuses evaluateMany and verdict', function (): void {
    $policy = fast_policy();
    $policy->verdict(fast_phone());
    $policy->close();
    assertThrows(\LogicException::class, fn () => $policy->verdict(fast_phone()));
    assertThrows(\LogicException::class, fn () => $policy->evaluateMany([fast_phone()]));
    $policy->close();
});

test('a library that cannot be loaded: the error says how to point at it', function (): void {
    $e = assertThrows(LibraryError::class, fn () => Library::load('/nonexistent/libretour.so'));
    foreach (['RETOUR_LIBRARY', 'PKG_CONFIG_PATH', 'ldconfig'] as $word) {
        assertContains($word, $e->getMessage());
    }
    $e = assertThrows(LibraryError::class, fn () => Library::load('libretour-does-not-exist.so.9'));
    assertContains(Library::HOW_TO_POINT, $e->getMessage());
});
