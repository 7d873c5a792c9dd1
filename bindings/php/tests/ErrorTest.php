<?php

// PolicyError / RequestError fields: code, file, line, column, path, message.

declare(strict_types=1);

use Retour\Policy;
use Retour\PolicyError;
use Retour\RequestError;

const TYPO_POLICY = "retour: 1\njurisdiction: NL\ncurrency: EUR\nwithdrawal:\n  dayz: 3\n";

test('bad policy string: line 5, column 3, path withdrawal.dayz, did you mean days', function (): void {
    $e = assertThrows(PolicyError::class, fn () => Policy::fromString(TYPO_POLICY, library: LIB));
    assertSame(PolicyError::class, get_class($e), 'exactly PolicyError');
    assertTrue($e instanceof \RuntimeException, 'a RuntimeException');
    assertSame(5, $e->getLine(), 'line');
    assertSame(3, $e->getColumn(), 'column');
    assertSame('withdrawal.dayz', $e->getPath(), 'path');
    assertSame('<string>', $e->getFile(), 'file');
    assertSame(PolicyError::ESCHEMA, $e->getCode(), 'code');
    assertSame(-5, $e->getCode(), 'code value');
    assertContains("did you mean 'days'", $e->getMessage(), 'message');
    assertSame(strpos(TYPO_POLICY, 'dayz'), $e->getOffset(), 'byte offset');
    assertSame("<string>:5:3: error: withdrawal.dayz: " . $e->getMessage(), $e->format(), 'format');
});

test('the error names the name given to fromString', function (): void {
    $e = assertThrows(PolicyError::class, fn () => Policy::fromString(TYPO_POLICY, 'shop.yaml', LIB));
    assertSame('shop.yaml', $e->getFile());
    assertContains('shop.yaml:5:3: error: withdrawal.dayz:', $e->format());
});

test('format() is the line retour eval prints', function (): void {
    $e = assertThrows(PolicyError::class, fn () => Policy::fromFile('tests/data/cli/typo-policy.yaml', LIB));
    $expected = rtrim((string) file_get_contents(REPO . '/tests/cli/expected/typo-policy.err'), "\n");
    assertSame($expected, 'retour: ' . $e->format());
    assertSame('tests/data/cli/typo-policy.yaml', $e->getFile());
});

test('a missing policy file: EIO with the file name, no line', function (): void {
    $e = assertThrows(PolicyError::class, fn () => Policy::fromFile('examples/policies/nope.yaml', LIB));
    assertSame(PolicyError::EIO, $e->getCode(), 'code');
    assertSame('examples/policies/nope.yaml', $e->getFile(), 'file');
    assertSame(0, $e->getLine(), 'line');
    assertSame('', $e->getPath(), 'path');
    assertTrue($e->getMessage() !== '', 'a message');
});

test('a YAML syntax error: ESYNTAX with file, line and column', function (): void {
    $e = assertThrows(PolicyError::class,
        fn () => Policy::fromString("retour: 1\njurisdiction: NL\n  currency: EUR\n", 'broken.yaml', LIB));
    assertSame(PolicyError::ESYNTAX, $e->getCode(), 'code');
    assertSame('broken.yaml', $e->getFile(), 'file');
    assertSame(3, $e->getLine(), 'line');
    assertSame(11, $e->getColumn(), 'column');
    assertContains('YAML syntax', $e->getMessage(), 'message');
});

test('an invalid request: RequestError (a PolicyError) with file <request>, line, path', function (): void {
    $policy = Policy::fromFile('examples/policies/nl-electronics.yaml', LIB);
    $yaml = "type: withdrawal\nnotified: 2026-03-16\nitems:\n  - sku: X\n    price: \"499.005\"\n"
        . "    delivered: 2026-03-03\n";
    $e = assertThrows(RequestError::class, fn () => $policy->evaluate($yaml));
    assertTrue($e instanceof PolicyError, 'a PolicyError');
    assertSame(PolicyError::ERANGE, $e->getCode(), 'code');
    assertSame('<request>', $e->getFile(), 'file');
    assertSame(5, $e->getLine(), 'line');
    assertSame(12, $e->getColumn(), 'column');
    assertSame('items[0].price', $e->getPath(), 'path');
    assertContains('3 decimals', $e->getMessage(), 'message');
});

test('an unknown key in a request array suggests the right one', function (): void {
    $policy = Policy::fromFile('examples/policies/nl-electronics.yaml', LIB);
    $req = phone_request_array();
    $req['items'][0]['delivred'] = $req['items'][0]['delivered'];
    unset($req['items'][0]['delivered']);
    $e = assertThrows(RequestError::class, fn () => $policy->evaluate($req));
    assertSame(PolicyError::ESCHEMA, $e->getCode());
    assertSame('items[0].delivred', $e->getPath());
    assertContains("did you mean 'delivered'", $e->getMessage());
});

test('a request that does not fit the policy: EREQUEST with the key', function (): void {
    $policy = Policy::fromFile('examples/policies/nl-electronics.yaml', LIB);
    $req = phone_request_array();
    $req['type'] = 'complaint';
    unset($req['items'][0]['delivered']);
    $e = assertThrows(RequestError::class, fn () => $policy->evaluate($req));
    assertSame(PolicyError::EREQUEST, $e->getCode(), 'code');
    assertSame('items[0].delivered', $e->getPath(), 'path');
});

test('impossible data: an item delivered before the order is EREQUEST, never a decision', function (): void {
    $policy = Policy::fromFile('examples/policies/nl-electronics.yaml', LIB);
    $req = phone_request_array();
    $req['ordered'] = '2026-03-04'; // the phone arrived on 2026-03-03
    $e = assertThrows(RequestError::class, fn () => $policy->evaluate($req));
    assertSame(PolicyError::EREQUEST, $e->getCode(), 'code');
    assertSame('<request>', $e->getFile(), 'file');
    assertSame('items[0].delivered', $e->getPath(), 'path');
    assertSame('the item was delivered before it was ordered', $e->getMessage(), 'message');
});

test('request text that is not YAML: ESYNTAX', function (): void {
    $policy = Policy::fromFile('examples/policies/nl-electronics.yaml', LIB);
    $e = assertThrows(RequestError::class, fn () => $policy->evaluate('{"type": "withdrawal",'));
    assertSame(PolicyError::ESYNTAX, $e->getCode());
    $e = assertThrows(RequestError::class, fn () => $policy->evaluate(''));
    assertTrue($e->getCode() < 0, 'empty request is an error');
});

test('an array that cannot be JSON-encoded is a JsonException', function (): void {
    $policy = Policy::fromFile('examples/policies/nl-electronics.yaml', LIB);
    $req = phone_request_array();
    $req['items'][0]['sku'] = "\xff\xfe";
    assertThrows(\JsonException::class, fn () => $policy->evaluate($req));
    $req = phone_request_array();
    $req['shipping_paid'] = INF;
    assertThrows(\JsonException::class, fn () => $policy->evaluate($req));
});

test('a path or name with a NUL byte is a ValueError, not a shorter C string', function (): void {
    assertThrows(\ValueError::class, fn () => Policy::fromFile("examples/policies/minimal.yaml\0x", LIB));
    assertThrows(\ValueError::class, fn () => Policy::fromString("retour: 1\n", "a\0b", LIB));
});
