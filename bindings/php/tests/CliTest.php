<?php

// json() against `retour eval --format json`, and the eval-json script used by the
// cross-language comparison.

declare(strict_types=1);

use Retour\Policy;

/** @return list<array{0: string, 1: string, 2: string}> name, policy path, request path */
function cli_cases(): array
{
    $cases = [];
    foreach (file(REPO . '/tests/cli/cases.txt', FILE_IGNORE_NEW_LINES) as $line) {
        $f = preg_split('/\s+/', trim($line));
        if ($f[0] === '' || $f[0][0] === '#' || count($f) < 3) {
            continue;
        }
        $cases[] = [$f[0], "examples/policies/{$f[1]}.yaml", "examples/{$f[2]}"];
    }
    return $cases;
}

function need_cli(): void
{
    if (!is_executable(CLI)) {
        skip('retour program not found at ' . CLI . ' (set RETOUR_CLI)');
    }
}

test('json() is byte-identical to retour eval --format json for every example', function (): void {
    need_cli();
    $cases = cli_cases();
    assertTrue(count($cases) >= 14, 'cases.txt lists the examples');
    foreach ($cases as [$name, $policyPath, $requestPath]) {
        [$status, $out, $err] = run_command([CLI, 'eval', $policyPath, $requestPath, '--format', 'json'],
            null, REPO);
        assertSame(0, $status, "$name: retour eval exit status ($err)");
        $policy = Policy::fromFile($policyPath, LIB);
        $json = $policy->evaluate((string) file_get_contents(REPO . "/$requestPath"))->json();
        assertSame($out, $json . "\n", $name);
        $policy->close();
    }
});

test('json() equals the golden files of the CLI tests', function (): void {
    foreach (cli_cases() as [$name, $policyPath, $requestPath]) {
        $golden = REPO . "/tests/cli/expected/$name.json";
        if (!is_file($golden)) {
            continue;
        }
        $json = Policy::fromFile($policyPath, LIB)
            ->evaluate((string) file_get_contents(REPO . "/$requestPath"))->json();
        assertSame(file_get_contents($golden), $json . "\n", $name);
    }
});

test('json() in Dutch equals retour eval --lang nl', function (): void {
    need_cli();
    foreach (['mixed-order' => 'nl-jeweller', 'damaged-box' => 'nl-electronics'] as $req => $pol) {
        $p = "examples/policies/$pol.yaml";
        $r = "examples/requests/$req.yaml";
        [$status, $out] = run_command([CLI, 'eval', $p, $r, '--format', 'json', '--lang', 'nl'], null, REPO);
        assertSame(0, $status, 'exit status');
        assertSame($out, Policy::fromFile($p, LIB)->evaluate((string) file_get_contents($r), 'nl')->json()
            . "\n", $req);
    }
});

test('bindings/php/eval-json prints the same bytes as the CLI, from any directory', function (): void {
    need_cli();
    $script = dirname(__DIR__) . '/eval-json';
    assertTrue(is_executable($script), 'eval-json is executable');
    $env = current_env();
    $env['RETOUR_LIBRARY'] = LIB;
    foreach (cli_cases() as [$name, $policyPath, $requestPath]) {
        [$s1, $cli] = run_command([CLI, 'eval', $policyPath, $requestPath, '--format', 'json'], null, REPO);
        [$s2, $php, $err] = run_command([$script, $policyPath, $requestPath], $env, REPO);
        assertSame(0, $s2, "$name: eval-json exit status ($err)");
        assertSame($cli, $php, $name);
    }
    // absolute paths, another working directory
    [$name, $policyPath, $requestPath] = cli_cases()[0];
    $abs = [REPO . "/$policyPath", REPO . "/$requestPath"];
    [, $cli] = run_command([CLI, 'eval', $abs[0], $abs[1], '--format', 'json'], null, sys_get_temp_dir());
    [$s, $php] = run_command([$script, $abs[0], $abs[1]], $env, sys_get_temp_dir());
    assertSame(0, $s, 'exit status from another directory');
    assertSame($cli, $php, 'absolute paths');
});

test('eval-json: errors on stderr with exit 1, usage with exit 2', function (): void {
    $script = dirname(__DIR__) . '/eval-json';
    $env = current_env();
    $env['RETOUR_LIBRARY'] = LIB;
    [$s, $out, $err] = run_command([$script, 'tests/data/cli/typo-policy.yaml',
        'examples/requests/opened-phone.yaml'], $env, REPO);
    assertSame(1, $s, 'invalid policy');
    assertSame('', $out, 'nothing on stdout');
    assertContains("tests/data/cli/typo-policy.yaml:5:3: error: withdrawal.dayz: unknown key 'dayz'", $err);
    [$s, , $err] = run_command([$script, 'examples/policies/minimal.yaml',
        'tests/data/cli/bad-date-request.yaml'], $env, REPO);
    assertSame(1, $s, 'invalid request');
    assertContains('error: ', $err);
    [$s, , $err] = run_command([$script, 'examples/policies/minimal.yaml'], $env, REPO);
    assertSame(2, $s, 'usage');
    assertContains('usage', $err);
    [$s] = run_command([$script, 'examples/policies/minimal.yaml', 'examples/requests/none.yaml'], $env, REPO);
    assertSame(2, $s, 'unreadable request');
});

test('the WooCommerce example prints a decision for an order item', function (): void {
    $example = REPO . '/examples/php/woocommerce-refund-check.php';
    $env = current_env();
    $env['RETOUR_LIBRARY'] = LIB;
    [$s, $out, $err] = run_command([PHP_BINARY, '-d', 'ffi.enable=1', $example], $env, sys_get_temp_dir());
    assertSame(0, $s, "exit status ($err)");
    assertContains('May it be returned? yes (accept, basis withdrawal_right)', $out);
    assertContains('Refund: EUR 499.00', $out);
    assertContains('packaging_opened_allowed: ', $out);
    assertContains('outbound_shipping_not_refunded: ', $out);
    [$s, $out] = run_command([PHP_BINARY, '-d', 'ffi.enable=1', $example, '--item=102', '--packaging=opened'],
        $env, sys_get_temp_dir());
    assertSame(0, $s, 'exit status');
    assertContains('May it be returned? no (reject', $out);
    assertContains('excluded_unsealed_media', $out);
    [$s, $out] = run_command([PHP_BINARY, '-d', 'ffi.enable=1', $example, '--item=all', '--packaging=sealed'],
        $env, sys_get_temp_dir());
    assertContains('Refund: EUR 632.95', $out, 'whole order, delivery refunded');
});
