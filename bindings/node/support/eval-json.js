// The body of ../eval-json (a shell wrapper, so that Node needs no support for extensionless
// ES modules). eval-json POLICY REQUEST [--lang en|nl] [--compact] prints decision.json() and a
// newline, as `retour eval POLICY REQUEST --format json [--compact]` does; the cross-language
// test compares them.
// Exit status: 0 decided, 1 invalid policy or request, 2 usage error, unreadable request
// file or no library.
import { readFileSync } from 'node:fs';
import { Policy, PolicyError } from '../index.js';

const args = process.argv.slice(2);
let lang = 'en';
let compact = false;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--compact') compact = true;
  else if (args[i] === '--lang' && i + 1 < args.length) lang = args[++i];
  else files.push(args[i]);
}
if (files.length !== 2) {
  process.stderr.write('usage: eval-json POLICY REQUEST [--lang en|nl] [--compact]\n');
  process.exit(2);
}

let request;
try {
  request = readFileSync(files[1]);
} catch (e) {
  process.stderr.write(`eval-json: ${files[1]}: ${e.message}\n`);
  process.exit(2);
}

let policy;
try {
  policy = Policy.fromFile(files[0]);
  process.stdout.write(policy.evaluate(request, { lang, compact }).json() + '\n');
} catch (e) {
  if (!(e instanceof PolicyError)) {
    process.stderr.write(`eval-json: ${e.message}\n`);
    process.exit(2);
  }
  process.stderr.write((e.file === '<request>' ? e.formatted.replace('<request>', files[1]) : e.formatted) + '\n');
  process.exitCode = 1;
} finally {
  policy?.close();
}
