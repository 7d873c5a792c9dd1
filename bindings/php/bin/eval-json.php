<?php

// See ../eval-json. Usage: php -d ffi.enable=1 eval-json.php POLICY REQUEST [--compact]

declare(strict_types=1);

require __DIR__ . '/../autoload.php';

use Retour\LibraryError;
use Retour\Policy;
use Retour\PolicyError;

$args = array_slice($argv, 1);
$compact = in_array('--compact', $args, true);
$args = array_values(array_filter($args, static fn (string $a): bool => $a !== '--compact'));
if (count($args) !== 2) {
    fwrite(STDERR, "usage: eval-json POLICY REQUEST [--compact]\n");
    exit(2);
}
[$policyPath, $requestPath] = $args;

$request = @file_get_contents($requestPath);
if ($request === false) {
    fwrite(STDERR, "eval-json: $requestPath: cannot read the file\n");
    exit(2);
}
try {
    $policy = Policy::fromFile($policyPath);
    $decision = $policy->evaluate($request, 'en', $compact);
    $policy->close();
} catch (PolicyError $e) {
    fwrite(STDERR, 'eval-json: ' . $e->format() . "\n");
    exit($e->getCode() === PolicyError::EIO ? 2 : 1);
} catch (LibraryError $e) {
    fwrite(STDERR, 'eval-json: ' . $e->getMessage() . "\n");
    exit(2);
}
fwrite(STDOUT, $decision->json() . "\n");
