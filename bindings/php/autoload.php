<?php

// PSR-4 autoloader for the Retour namespace, for use without Composer:
//     require '/path/to/bindings/php/autoload.php';
// With Composer, require "libretour/retour" and use vendor/autoload.php instead.

declare(strict_types=1);

spl_autoload_register(static function (string $class): void {
    if (str_starts_with($class, 'Retour\\')) {
        $file = __DIR__ . '/src/' . str_replace('\\', '/', substr($class, 7)) . '.php';
        if (is_file($file)) {
            require $file;
        }
    }
});
