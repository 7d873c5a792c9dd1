<?php

// Library lookup order: argument, RETOUR_LIBRARY, pkg-config, system loader name.

declare(strict_types=1);

use Retour\Library;
use Retour\LibraryError;
use Retour\Policy;

/**
 * Runs $fn with environment variables set (string) or unset (null), then restores them.
 *
 * @param array<string, ?string> $vars
 */
function with_env(array $vars, callable $fn): mixed
{
    $saved = [];
    foreach ($vars as $k => $v) {
        $saved[$k] = getenv($k);
        putenv($v === null ? $k : "$k=$v");
    }
    try {
        return $fn();
    } finally {
        foreach ($saved as $k => $v) {
            putenv($v === false ? $k : "$k=$v");
        }
        Library::clearCache();
    }
}

/** A directory holding a retour.pc whose libdir is $libdir (or no .pc when null). */
function pkgconfig_dir(?string $libdir): string
{
    $dir = sys_get_temp_dir() . '/retour-php-pc-' . getmypid() . '-' . ($libdir === null ? 'empty' : 'lib');
    if (!is_dir($dir)) {
        mkdir($dir);
        register_shutdown_function(static function () use ($dir): void {
            @unlink("$dir/retour.pc");
            @rmdir($dir);
        });
    }
    if ($libdir !== null) {
        file_put_contents("$dir/retour.pc", "prefix=/nowhere\nlibdir=$libdir\nincludedir=/nowhere\n\n"
            . "Name: retour\nDescription: test\nVersion: 0.1.0\nLibs: -L\${libdir} -lretour\n"
            . "Cflags: -I\${includedir}\n");
    }
    return $dir;
}

function have_pkg_config(): bool
{
    [$status] = run_command(['sh', '-c', 'command -v pkg-config']);
    return $status === 0;
}

test('lookup 1: an explicit argument wins over RETOUR_LIBRARY', function (): void {
    with_env(['RETOUR_LIBRARY' => '/nonexistent/libretour.so'], function (): void {
        assertSame(['path' => LIB, 'source' => 'argument'], Library::resolve(LIB));
        $lib = Library::load(LIB);
        assertSame('argument', $lib->source());
        assertSame(LIB, $lib->path());
        $policy = Policy::fromFile('examples/policies/minimal.yaml', LIB);
        assertSame('argument', $policy->library()->source());
    });
});

test('lookup 2: RETOUR_LIBRARY when there is no argument', function (): void {
    with_env(['RETOUR_LIBRARY' => LIB, 'PKG_CONFIG_LIBDIR' => pkgconfig_dir(dirname(LIB)),
              'PKG_CONFIG_PATH' => null], function (): void {
        assertSame(['path' => LIB, 'source' => 'env'], Library::resolve());
        assertSame('env', Policy::fromFile('examples/policies/minimal.yaml')->library()->source());
    });
});

test('lookup: a wrong RETOUR_LIBRARY or argument is an error, never a fallback', function (): void {
    with_env(['RETOUR_LIBRARY' => '/nonexistent/libretour.so'], function (): void {
        $e = assertThrows(LibraryError::class, fn () => Library::resolve());
        assertContains('RETOUR_LIBRARY', $e->getMessage());
        assertSame('env', $e->getSource());
        assertThrows(LibraryError::class, fn () => Policy::fromFile('examples/policies/minimal.yaml'));
    });
    $e = assertThrows(LibraryError::class, fn () => Library::load('/nonexistent/libretour.so'));
    assertSame('argument', $e->getSource());
    assertSame('/nonexistent/libretour.so', $e->getLibrary());
    // a file that is not a shared library
    $e = assertThrows(LibraryError::class, fn () => Library::load(REPO . '/README.md'));
    assertContains('cannot load', $e->getMessage());
});

test('lookup 3: pkg-config --variable=libdir retour', function (): void {
    if (!have_pkg_config()) {
        skip('pkg-config is not installed');
    }
    with_env(['RETOUR_LIBRARY' => null, 'PKG_CONFIG_LIBDIR' => pkgconfig_dir(dirname(LIB)),
              'PKG_CONFIG_PATH' => null], function (): void {
        $expected = dirname(LIB) . '/libretour.so.1';
        assertSame(['path' => $expected, 'source' => 'pkg-config'], Library::resolve());
        $lib = Library::load();
        assertSame('pkg-config', $lib->source());
        assertSame($lib->version(), Library::load(LIB)->version(), 'same library');
    });
});

test('lookup 4: the system loader name when pkg-config knows nothing', function (): void {
    with_env(['RETOUR_LIBRARY' => '', 'PKG_CONFIG_LIBDIR' => pkgconfig_dir(null),
              'PKG_CONFIG_PATH' => null], function (): void {
        assertSame(['path' => 'libretour.so.1', 'source' => 'system'], Library::resolve());
    });
    with_env(['RETOUR_LIBRARY' => null, 'PKG_CONFIG_LIBDIR' => pkgconfig_dir('/nonexistent'),
              'PKG_CONFIG_PATH' => null], function (): void {
        assertSame('system', Library::resolve()['source'], 'pkg-config libdir without the library');
    });
});

test('lookup 4: the system loader finds libretour.so.1 (LD_LIBRARY_PATH, in a child)', function (): void {
    $env = current_env();
    unset($env['RETOUR_LIBRARY'], $env['PKG_CONFIG_PATH']);
    $env['PKG_CONFIG_LIBDIR'] = pkgconfig_dir(null);
    $env['LD_LIBRARY_PATH'] = dirname(LIB);
    $code = 'require ' . var_export(dirname(__DIR__) . '/autoload.php', true) . ';'
        . '$l = Retour\Library::load(); echo $l->source(), " ", $l->path(), " ", $l->version();';
    [$status, $out, $err] = run_command([PHP_BINARY, '-d', 'ffi.enable=1', '-r', $code], $env);
    assertSame(0, $status, "exit status (stderr: $err)");
    assertSame('system libretour.so.1 ' . Library::load(LIB)->version(), $out);
});

test('an explicit bare name goes to the system loader', function (): void {
    assertSame(['path' => 'libretour.so.1', 'source' => 'argument'], Library::resolve('libretour.so.1'));
});

test('version(), versionNumber(), strerror()', function (): void {
    $lib = Library::load(LIB);
    assertTrue(preg_match('/^\d+\.\d+\.\d+$/', $lib->version()) === 1, 'version ' . $lib->version());
    [$ma, $mi, $pa] = array_map('intval', explode('.', $lib->version()));
    assertSame($ma * 10000 + $mi * 100 + $pa, $lib->versionNumber(), 'version number');
    assertSame('schema error', $lib->strerror(-5));
});

test('the cdef matches include/retour.h (functions, enum values and error buffer sizes)', function (): void {
    $header = @file_get_contents(REPO . '/include/retour.h');
    if ($header === false) {
        skip('include/retour.h not found');
    }
    preg_match_all('/^RETOUR_API\s[^;(]*?\b(retour_\w+)\s*\(/m', $header, $m);
    assertTrue(count($m[1]) > 40, 'found the functions');
    foreach ($m[1] as $fn) {
        assertTrue(preg_match('/\b' . $fn . '\s*\(/', Library::CDEF) === 1, "$fn declared in the cdef");
    }
    preg_match_all('/^\s*(RETOUR_[A-Z_]+) = (-?\d+)/m', $header, $e, PREG_SET_ORDER);
    assertTrue(count($e) > 30, 'found the enum values');
    foreach ($e as [, $name, $value]) {
        assertTrue(preg_match('/\b' . $name . ' = ' . $value . '\b/', Library::CDEF) === 1,
            "$name = $value in the cdef");
    }
    $ffi = Library::load(LIB)->ffi();
    assertSame('repair_discount', $ffi->retour_remedy_name(8), 'retour_remedy_name');
    assertSame('accident', $ffi->retour_cause_name(4), 'retour_cause_name');
    assertSame('commercial_guarantee', $ffi->retour_basis_name(4), 'retour_basis_name');
    $err = Library::load(LIB)->ffi()->new('retour_error');
    foreach (['FILE' => 'file', 'PATH' => 'path', 'MESSAGE' => 'message'] as $macro => $field) {
        assertTrue(preg_match("/#define RETOUR_ERROR_{$macro}_MAX (\\d+)/", $header, $mm) === 1, $macro);
        assertSame((int) $mm[1], \FFI::sizeof($err->$field), "retour_error.$field size");
    }
});

test('retour_evaluate_verdict and the deciding reason through the raw FFI', function (): void {
    $ffi = Library::load(LIB)->ffi();
    $err = $ffi->new('retour_error');
    $policy = $ffi->new('retour_policy *');
    assertSame(0, $ffi->retour_policy_load_file(FFI::addr($policy), 'examples/policies/nl-jeweller.yaml', null, FFI::addr($err)));
    $request = $ffi->new('retour_request *');
    assertSame(0, $ffi->retour_request_load_file(FFI::addr($request), $policy, 'examples/requests/late-loyal-small.yaml', null, FFI::addr($err)));
    $decision = $ffi->new('retour_decision *');
    assertSame(0, $ffi->retour_decision_new(FFI::addr($decision), null));
    assertSame(0, $ffi->retour_evaluate($decision, $policy, $request, FFI::addr($err)));
    $why = $ffi->retour_decision_deciding_reason($decision);
    assertSame('goodwill_rule', FFI::string($why->code));
    $verdict = $ffi->new('retour_verdict');
    assertSame(0, $ffi->retour_evaluate_verdict(FFI::addr($verdict), $decision, $policy, $request, FFI::addr($err)));
    assertSame('accept_goodwill', $ffi->retour_outcome_name($verdict->outcome));
    assertSame('goodwill_rule', FFI::string($verdict->reason));
    $ffi->retour_decision_free($decision);
    $ffi->retour_request_free($request);
    $ffi->retour_policy_free($policy);
});

test('retour_case through the raw FFI: story 1 as codes and numbers', function (): void {
    $ffi = Library::load(LIB)->ffi();
    assertSame(72, FFI::sizeof($ffi->type('retour_case')), 'retour_case layout');
    $err = $ffi->new('retour_error');
    $policy = $ffi->new('retour_policy *');
    assertSame(0, $ffi->retour_policy_load_file(FFI::addr($policy), 'examples/policies/nl-electronics.yaml', null, FFI::addr($err)));
    $day = $ffi->new('retour_date');
    $c = $ffi->new('retour_case');
    $c->type = 0;
    $c->packaging = 2; // opened
    $c->whole_order = 1;
    $c->quantity = 1;
    $c->noticed = $c->ordered = -2147483648; // RETOUR_DATE_NONE
    $ffi->retour_date_from_ymd(FFI::addr($day), 2026, 3, 16);
    $c->notified = $day->cdata;
    $ffi->retour_date_from_ymd(FFI::addr($day), 2026, 3, 3);
    $c->delivered = $day->cdata;
    $c->category = $ffi->retour_category_id('electronics');
    $c->price = 49900;
    $c->shipping_paid = 495;
    $decision = $ffi->new('retour_decision *');
    assertSame(0, $ffi->retour_decision_new(FFI::addr($decision), null));
    assertSame(0, $ffi->retour_evaluate_case($decision, $policy, FFI::addr($c), FFI::addr($err)));
    assertSame(50395, $ffi->retour_decision_refund($decision));
    $verdict = $ffi->new('retour_verdict');
    assertSame(0, $ffi->retour_evaluate_case_verdict(FFI::addr($verdict), $decision, $policy, FFI::addr($c), FFI::addr($err)));
    assertSame('accept', $ffi->retour_outcome_name($verdict->outcome));
    assertSame('within_withdrawal_period', FFI::string($verdict->reason));
    $c->quantity = 0;
    assertSame(-1, $ffi->retour_evaluate_case($decision, $policy, FFI::addr($c), FFI::addr($err))); // RETOUR_EINVAL
    assertSame('quantity', FFI::string($err->path));
    $ffi->retour_decision_free($decision);
    $ffi->retour_policy_free($policy);
});

test('retour_evaluate_traced through the raw FFI: a PHP closure receives each rule', function (): void {
    $ffi = Library::load(LIB)->ffi();
    $err = $ffi->new('retour_error');
    $policy = $ffi->new('retour_policy *');
    assertSame(0, $ffi->retour_policy_load_file(FFI::addr($policy), 'examples/policies/nl-jeweller.yaml', null, FFI::addr($err)));
    $request = $ffi->new('retour_request *');
    assertSame(0, $ffi->retour_request_load_file(FFI::addr($request), $policy, 'examples/requests/late-loyal-small.yaml', null, FFI::addr($err)));
    $decision = $ffi->new('retour_decision *');
    assertSame(0, $ffi->retour_decision_new(FFI::addr($decision), null));
    $steps = [];
    $buf = $ffi->new('char[1024]');
    $fn = function ($ctx, $event) use (&$steps, $ffi, $buf): void {
        $n = $ffi->retour_trace_event_message($event, 1, $buf, 1024);
        $steps[] = [FFI::string($event->rule), $event->matched, $event->source_line, FFI::string($buf, $n)];
    };
    assertSame(0, $ffi->retour_evaluate_traced($decision, $policy, $request, $fn, null, FFI::addr($err)));
    assertSame(['withdrawal.period', 'withdrawal.shop_period', 'goodwill', 'review.claims_last_year', 'review.amount'],
        array_column($steps, 0));
    assertSame([0, 0, 1, 0, 0], array_column($steps, 1));
    assertSame(42, $steps[2][2], 'the goodwill rule\'s line');
    assertContains('Coulanceregel', $steps[2][3]);
    $ffi->retour_decision_free($decision);
    $ffi->retour_request_free($request);
    $ffi->retour_policy_free($policy);
});
