<?php

// Runs every tests/*Test.php file: php -d ffi.enable=1 tests/run.php [FILTER]
// Needs RETOUR_LIBRARY (absolute path to build/lib/libretour.so); run-tests.sh sets it.

declare(strict_types=1);

error_reporting(E_ALL);
ini_set('display_errors', 'stderr');
set_error_handler(static function (int $no, string $msg, string $file, int $line): bool {
    if (!(error_reporting() & $no)) {
        return false; // silenced with @
    }
    throw new \ErrorException($msg, 0, $no, $file, $line);
});

require __DIR__ . '/../autoload.php';
require __DIR__ . '/lib.php';

/** The repository root (tests run from there, so relative example paths work). */
define('REPO', dirname(__DIR__, 3));
/** The library under test. */
define('LIB', (string) getenv('RETOUR_LIBRARY'));
if (LIB === '' || !is_file(LIB)) {
    fwrite(STDERR, "run.php: set RETOUR_LIBRARY to the path of libretour.so (got '" . LIB . "')\n");
    exit(2);
}
/** The retour program next to the library (build/tools/retour), or RETOUR_CLI. */
define('CLI', (string) (getenv('RETOUR_CLI') ?: dirname(LIB, 2) . '/tools/retour'));
chdir(REPO);

foreach (glob(__DIR__ . '/*Test.php') as $file) {
    require $file;
}
exit(run_tests($argv[1] ?? null));
