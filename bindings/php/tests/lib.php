<?php

// A tiny test harness: test() registers, the assert* helpers throw AssertionFailed,
// skip() throws TestSkipped, run_tests() runs everything and prints a TAP-like log ending in
// "N passed, N failed, N skipped". No PHPUnit: the tests must run without network access.

declare(strict_types=1);

final class AssertionFailed extends \Exception
{
}

final class TestSkipped extends \Exception
{
}

/** @var array<string, callable> */
$GLOBALS['__tests'] = [];

function test(string $name, callable $fn): void
{
    if (isset($GLOBALS['__tests'][$name])) {
        throw new \LogicException("duplicate test name: $name");
    }
    $GLOBALS['__tests'][$name] = $fn;
}

function skip(string $why): never
{
    throw new TestSkipped($why);
}

function fail(string $message): never
{
    throw new AssertionFailed($message);
}

function export(mixed $v): string
{
    $s = var_export($v, true);
    return strlen($s) > 400 ? substr($s, 0, 400) . '...' : $s;
}

function assertSame(mixed $expected, mixed $actual, string $what = ''): void
{
    if ($expected !== $actual) {
        fail(($what !== '' ? "$what: " : '') . 'expected ' . export($expected)
            . ', got ' . export($actual));
    }
}

function assertTrue(bool $cond, string $what): void
{
    if (!$cond) {
        fail("expected true: $what");
    }
}

function assertContains(string $needle, string $haystack, string $what = ''): void
{
    if (!str_contains($haystack, $needle)) {
        fail(($what !== '' ? "$what: " : '') . export($needle) . ' not found in ' . export($haystack));
    }
}

/**
 * Runs $fn and asserts it throws $class; returns the exception for further checks.
 *
 * @template T of \Throwable
 * @param class-string<T> $class
 * @return T
 */
function assertThrows(string $class, callable $fn, string $what = ''): \Throwable
{
    try {
        $fn();
    } catch (\Throwable $e) {
        if ($e instanceof $class) {
            return $e;
        }
        fail(($what !== '' ? "$what: " : '') . "expected $class, got " . get_class($e) . ': '
            . $e->getMessage());
    }
    fail(($what !== '' ? "$what: " : '') . "expected $class, nothing was thrown");
}

/** Resident set size of this process in KiB, from /proc/self/status. */
function rss_kib(): int
{
    $status = @file_get_contents('/proc/self/status');
    if ($status === false || !preg_match('/^VmRSS:\s+(\d+)\s+kB/m', $status, $m)) {
        skip('no /proc/self/status VmRSS on this system');
    }
    return (int) $m[1];
}

/**
 * Runs a command without a shell.
 *
 * @param list<string>               $argv
 * @param array<string, string>|null $env  null: inherit
 * @return array{0: int, 1: string, 2: string} exit status, stdout, stderr
 */
function run_command(array $argv, ?array $env = null, ?string $cwd = null): array
{
    $spec = [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']];
    $proc = proc_open($argv, $spec, $pipes, $cwd, $env);
    if (!is_resource($proc)) {
        fail('cannot run ' . implode(' ', $argv));
    }
    $out = stream_get_contents($pipes[1]);
    $err = stream_get_contents($pipes[2]);
    fclose($pipes[1]);
    fclose($pipes[2]);
    return [proc_close($proc), (string) $out, (string) $err];
}

/** The current environment as an array, for run_command() with changes. */
function current_env(): array
{
    return getenv();
}

function run_tests(?string $filter = null): int
{
    $passed = $failed = $skipped = 0;
    $n = 0;
    foreach ($GLOBALS['__tests'] as $name => $fn) {
        if ($filter !== null && !str_contains($name, $filter)) {
            continue;
        }
        $n++;
        $t = microtime(true);
        try {
            $fn();
            $passed++;
            printf("ok %d - %s (%.2fs)\n", $n, $name, microtime(true) - $t);
        } catch (TestSkipped $e) {
            $skipped++;
            printf("ok %d - %s # SKIP %s\n", $n, $name, $e->getMessage());
        } catch (\Throwable $e) {
            $failed++;
            printf("not ok %d - %s\n", $n, $name);
            $where = [];
            foreach ($e->getTrace() as $frame) {
                if (isset($frame['file']) && $frame['file'] !== __FILE__) {
                    $where = $frame;
                    break;
                }
            }
            printf("#   %s%s\n", $e instanceof AssertionFailed ? '' : get_class($e) . ': ', $e->getMessage());
            if (isset($where['file'])) {
                printf("#   at %s:%d\n", $where['file'], $where['line'] ?? 0);
            }
        }
    }
    printf("1..%d\n", $n);
    printf("%d passed, %d failed, %d skipped\n", $passed, $failed, $skipped);
    return $failed === 0 && $n > 0 ? 0 : 1;
}
