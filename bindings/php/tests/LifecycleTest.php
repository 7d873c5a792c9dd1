<?php

// close(), double close, use after close, clone and serialisation of a Policy.

declare(strict_types=1);

use Retour\Policy;

test('close() is idempotent; a closed policy refuses work with LogicException', function (): void {
    $policy = Policy::fromFile('examples/policies/minimal.yaml', LIB);
    assertSame(false, $policy->isClosed(), 'open');
    $policy->close();
    assertSame(true, $policy->isClosed(), 'closed');
    $policy->close();
    $policy->close();
    $e = assertThrows(\LogicException::class, fn () => $policy->evaluate(phone_request_array()));
    assertContains('closed', $e->getMessage());
    assertThrows(\LogicException::class, fn () => $policy->shop());
    assertThrows(\LogicException::class, fn () => $policy->currencyDecimals());
    assertSame('examples/policies/minimal.yaml', $policy->name(), 'name still known');
});

test('__destruct after close() does not free twice', function (): void {
    $policy = Policy::fromFile('examples/policies/minimal.yaml', LIB);
    $policy->close();
    $policy->__destruct();
    unset($policy);
    // still alive and well: a new policy works
    assertSame('accept', Policy::fromFile('examples/policies/nl-electronics.yaml', LIB)
        ->evaluate(phone_request_array())->outcome);
});

test('a Policy cannot be cloned (two owners of one handle)', function (): void {
    $policy = Policy::fromFile('examples/policies/minimal.yaml', LIB);
    $e = assertThrows(\Error::class, fn () => clone $policy);
    assertContains('__clone', $e->getMessage());
    assertSame(false, $policy->isClosed(), 'the original is untouched');
    assertSame('accept', Policy::fromFile('examples/policies/nl-electronics.yaml', LIB)
        ->evaluate(phone_request_array())->outcome);
});

test('a Policy cannot be serialised or unserialised', function (): void {
    $policy = Policy::fromFile('examples/policies/minimal.yaml', LIB);
    assertThrows(\LogicException::class, fn () => serialize($policy));
    assertThrows(\LogicException::class,
        fn () => unserialize('O:13:"Retour\\Policy":1:{s:6:"handle";N;}'));
    assertSame('NL', $policy->jurisdiction());
});

test('the garbage collector frees a policy caught in a reference cycle', function (): void {
    $holder = new \stdClass();
    $holder->policy = Policy::fromFile('examples/policies/minimal.yaml', LIB);
    $holder->self = $holder;
    $policy = $holder->policy;
    unset($holder);
    gc_collect_cycles();
    assertSame(false, $policy->isClosed(), 'still referenced from here');
    unset($policy);
    gc_collect_cycles();
    assertTrue(true, 'no crash');
});
