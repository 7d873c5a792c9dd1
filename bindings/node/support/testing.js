// Shared paths and helpers for test/*.test.js (kept outside test/ so the runner does not
// take it for a test file).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const here = dirname(fileURLToPath(import.meta.url));
export const bindingDir = resolve(here, '..');
export const root = resolve(bindingDir, '../..');
export const examples = join(root, 'examples');

/** The library under test: $RETOUR_LIBRARY, else build/lib/libretour.so of this tree. */
export const libraryPath = resolve(process.env.RETOUR_LIBRARY || join(root, 'build/lib/libretour.so'));
// Every test loads this library through the environment variable, the documented way.
process.env.RETOUR_LIBRARY = libraryPath;

/** The CLI built next to the library (build/tools/retour), or $RETOUR_CLI. */
export const cliPath = process.env.RETOUR_CLI || resolve(dirname(libraryPath), '../tools/retour');
export const haveCli = existsSync(cliPath);

export function policyPath(name) {
  return join(examples, 'policies', `${name}.yaml`);
}

export function requestPath(name) {
  return join(examples, 'requests', name);
}

/** tests/cli/cases.txt as [{ name, policy, request }]. */
export function cases() {
  return readFileSync(join(root, 'tests/cli/cases.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const [name, policy, request] = l.split(/\s+/);
      return { name, policy, request };
    });
}

/** VmRSS of this process in KiB, from /proc/self/status. */
export function rssKiB() {
  const m = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
  if (!m) throw new Error('no VmRSS in /proc/self/status');
  return Number(m[1]);
}

/** The bad policy of the error tests: "dayz" on line 5, column 3. */
export const BAD_POLICY = 'retour: 1\njurisdiction: NL\ncurrency: EUR\nwithdrawal:\n  dayz: 3\n';
