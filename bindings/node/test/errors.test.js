import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, policyPath, requestPath, BAD_POLICY } from '../support/testing.js';
import { Policy, PolicyError, RequestError, Status, strerror, ERROR_FIELD_SIZES } from '../index.js';

const tmp = mkdtempSync(join(tmpdir(), 'retour-node-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  assert.fail('expected an exception');
}

describe('policy errors', () => {
  test('unknown key in a string: line 5, column 3, path withdrawal.dayz, a suggestion', () => {
    const e = thrown(() => Policy.fromString(BAD_POLICY));
    assert.ok(e instanceof PolicyError);
    assert.ok(e instanceof Error);
    assert.ok(!(e instanceof RequestError));
    assert.equal(e.name, 'PolicyError');
    assert.equal(e.code, Status.ESCHEMA);
    assert.equal(e.status, 'RETOUR_ESCHEMA');
    assert.equal(e.line, 5);
    assert.equal(e.column, 3);
    assert.equal(e.path, 'withdrawal.dayz');
    assert.equal(e.file, '<string>');
    assert.equal(e.offset, BAD_POLICY.indexOf('dayz'));
    assert.match(e.message, /did you mean 'days'/);
    assert.equal(e.formatted, `<string>:5:3: error: withdrawal.dayz: ${e.message}`);
  });

  test('the name given to fromString() is the error file', () => {
    const e = thrown(() => Policy.fromString(BAD_POLICY, { name: 'shop.yaml' }));
    assert.equal(e.file, 'shop.yaml');
    assert.match(e.formatted, /^shop\.yaml:5:3: error: withdrawal\.dayz: /);
  });

  test('a bad policy file names the file', () => {
    const file = join(tmp, 'bad.yaml');
    writeFileSync(file, BAD_POLICY);
    const e = thrown(() => Policy.fromFile(file));
    assert.ok(e instanceof PolicyError);
    assert.equal(e.file, file);
    assert.deepEqual([e.line, e.column, e.path], [5, 3, 'withdrawal.dayz']);
  });

  test('a missing file is RETOUR_EIO with the file name', () => {
    const file = join(tmp, 'missing.yaml');
    const e = thrown(() => Policy.fromFile(file));
    assert.ok(e instanceof PolicyError);
    assert.equal(e.code, Status.EIO);
    assert.equal(e.file, file);
    assert.equal(e.line, 0);
  });

  test('YAML syntax errors are RETOUR_ESYNTAX', () => {
    const e = thrown(() => Policy.fromString('retour: 1\njurisdiction: [NL\n'));
    assert.equal(e.code, Status.ESYNTAX);
    assert.ok(e.line > 0);
  });

  test('an empty policy (string or bytes) is refused', () => {
    for (const text of ['', new Uint8Array(0)]) {
      const e = thrown(() => Policy.fromString(text));
      assert.ok(e instanceof PolicyError);
      assert.notEqual(e.code, Status.OK);
    }
  });

  test('a policy as UTF-8 bytes loads like the string', () => {
    const text = readFileSync(policyPath('nl-jeweller'));
    const p = Policy.fromString(text, { name: 'jeweller' });
    assert.equal(p.currency, 'EUR');
    assert.equal(p.name, 'jeweller');
    p.close();
  });

  test('arguments are checked before reaching C', () => {
    assert.throws(() => Policy.fromFile(42), TypeError);
    assert.throws(() => Policy.fromFile(''), TypeError);
    assert.throws(() => Policy.fromFile('examples/policies/minimal.yaml\0.txt'), TypeError);
    assert.throws(() => Policy.fromString(null), TypeError);
    assert.throws(() => Policy.fromString('retour: 1', { name: 'a\0b' }), TypeError);
    assert.throws(() => new Policy(), TypeError);
  });
});

describe('request errors', () => {
  const policy = Policy.fromFile(policyPath('nl-electronics'));
  after(() => policy.close());

  test('a request that misses a key is a RequestError (a PolicyError) with its path', () => {
    const items = [{ sku: 'A', price: '1.00', delivered: '2026-03-03' }];
    const e = thrown(() => policy.evaluate({ type: 'withdrawal', items }));
    assert.ok(e instanceof RequestError);
    assert.ok(e instanceof PolicyError);
    assert.equal(e.name, 'RequestError');
    assert.equal(e.file, '<request>');
    assert.equal(e.code, Status.ESCHEMA);
    assert.equal(e.path, 'notified');
    assert.match(e.message, /missing required key 'notified'/);
  });

  test('with several mistakes, the first in reading order is reported (JSON reader)', () => {
    const e = thrown(() => policy.evaluate({ type: 'withdrawal', items: [] }));
    assert.ok(e instanceof RequestError);
    assert.equal(e.code, Status.ESCHEMA);
    assert.equal(e.path, 'items');
    assert.match(e.message, /expected at least one item/);
  });

  test('a bad item field points at items[0]', () => {
    const request = JSON.parse(readFileSync(requestPath('opened-phone.json'), 'utf8'));
    request.items[0].price = 'cheap';
    const e = thrown(() => policy.evaluate(request));
    assert.ok(e instanceof RequestError);
    assert.equal(e.path, 'items[0].price');
    assert.ok(e.line >= 1);
  });

  test('a window from the order without an order date is RETOUR_EREQUEST', () => {
    const byOrder = Policy.fromString(
      'retour: 1\njurisdiction: none\ncurrency: EUR\nwithdrawal:\n  days: 30\n  starts: order\n',
    );
    try {
      const yaml = readFileSync(requestPath('opened-phone.yaml'), 'utf8').replace(/^ordered:.*$/m, '');
      const e = thrown(() => byOrder.evaluate(yaml));
      assert.ok(e instanceof RequestError);
      assert.equal(e.code, Status.EREQUEST);
      assert.equal(e.path, 'ordered');
    } finally {
      byOrder.close();
    }
  });

  test('a complaint item without its delivery date is RETOUR_EREQUEST', () => {
    const e = thrown(() =>
      policy.evaluate({ type: 'complaint', notified: '2026-03-16', items: [{ sku: 'A', price: '1.00' }] }),
    );
    assert.ok(e instanceof RequestError);
    assert.equal(e.code, Status.EREQUEST);
    assert.equal(e.path, 'items[0].delivered');
  });

  test('impossible data: an item delivered before the order is RETOUR_EREQUEST', () => {
    const request = JSON.parse(readFileSync(requestPath('opened-phone.json'), 'utf8'));
    request.ordered = '2026-03-04'; // the phone arrived on 2026-03-03
    const e = thrown(() => policy.evaluate(request));
    assert.ok(e instanceof RequestError);
    assert.equal(e.code, Status.EREQUEST);
    assert.equal(e.file, '<request>');
    assert.equal(e.path, 'items[0].delivered');
    assert.equal(e.message, 'the item was delivered before it was ordered');
  });

  test('invalid YAML text is a RequestError with line and column', () => {
    const e = thrown(() => policy.evaluate('type: withdrawal\nitems: [\n'));
    assert.ok(e instanceof RequestError);
    assert.equal(e.code, Status.ESYNTAX);
    assert.ok(e.line >= 1 && e.column >= 1);
  });

  test('bad arguments to evaluate() are TypeErrors', () => {
    assert.throws(() => policy.evaluate(42), TypeError);
    assert.throws(() => policy.evaluate(null), TypeError);
    assert.throws(() => policy.evaluate(undefined), TypeError);
    assert.throws(() => policy.evaluate('{}', { lang: 'de' }), TypeError);
  });
});

describe('API mirrors the header', () => {
  const header = readFileSync(join(root, 'include/retour.h'), 'utf8');
  const define = (name) => Number(new RegExp(`#define ${name} (\\d+)`).exec(header)[1]);

  test('retour_error field sizes match include/retour.h', () => {
    assert.deepEqual(ERROR_FIELD_SIZES, {
      file: define('RETOUR_ERROR_FILE_MAX'),
      path: define('RETOUR_ERROR_PATH_MAX'),
      message: define('RETOUR_ERROR_MESSAGE_MAX'),
    });
  });

  test('Status values match retour_status', () => {
    for (const [name, value] of Object.entries(Status)) {
      const m = new RegExp(`RETOUR_${name} = (-?\\d+)`).exec(header);
      assert.ok(m, name);
      assert.equal(value, Number(m[1]), name);
    }
  });

  test('index.d.ts Basis and Remedy list the names of retour_basis and retour_remedy', () => {
    const dts = readFileSync(join(root, 'bindings/node/index.d.ts'), 'utf8');
    const union = (type) => {
      const m = new RegExp(`export type ${type} =([^;]*);`).exec(dts);
      assert.ok(m, type);
      return [...m[1].matchAll(/'(\w+)'/g)].map((x) => x[1]);
    };
    const names = (prefix) =>
      [...header.matchAll(new RegExp(`RETOUR_${prefix}_([A-Z_]+) = \\d+`, 'g'))]
        .map((x) => x[1].toLowerCase())
        .filter((n) => n !== 'none');
    assert.deepEqual(union('Basis'), names('BASIS'));
    assert.deepEqual(union('Remedy'), names('REMEDY'));
  });

  test('strerror() is the library text', () => {
    assert.equal(strerror(Status.ESCHEMA), 'schema error');
    assert.equal(strerror(Status.OK), 'no error');
  });
});
