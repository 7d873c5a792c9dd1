// Handles: close() frees deterministically and is idempotent; the GC frees the rest.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bindingDir, policyPath, requestPath } from '../support/testing.js';
import { Policy, PolicyError, Status, liveHandles } from '../index.js';

const phone = readFileSync(requestPath('opened-phone.yaml'), 'utf8');

describe('close', () => {
  test('close() frees once; a second close() does nothing', () => {
    const before = liveHandles();
    const p = Policy.fromFile(policyPath('nl-electronics'));
    assert.equal(liveHandles(), before + 1);
    assert.equal(p.closed, false);
    assert.equal(p.evaluate(phone).outcome, 'accept');
    p.close();
    assert.equal(p.closed, true);
    assert.equal(liveHandles(), before);
    p.close();
    p.close();
    assert.equal(liveHandles(), before);
  });

  test('a closed policy refuses to evaluate, with a PolicyError', () => {
    const p = Policy.fromFile(policyPath('nl-electronics'));
    p.close();
    assert.throws(
      () => p.evaluate(phone),
      (e) => e instanceof PolicyError && e.code === Status.EINVAL && /closed/.test(e.message),
    );
    assert.throws(() => p.currency, PolicyError);
    assert.equal(p.name, policyPath('nl-electronics'));
  });

  test('decisions outlive their policy', () => {
    const p = Policy.fromFile(policyPath('nl-electronics'));
    const d = p.evaluate(phone);
    p.close();
    assert.equal(d.refund.amount, '503.95');
    assert.match(d.json(), /^\{"outcome":"accept"/);
  });

  test('`using` / Symbol.dispose closes', { skip: typeof Symbol.dispose !== 'symbol' && 'no Symbol.dispose' }, () => {
    const before = liveHandles();
    const p = Policy.fromFile(policyPath('minimal'));
    p[Symbol.dispose]();
    assert.equal(p.closed, true);
    assert.equal(liveHandles(), before);
  });

  test('a failed load leaves no handle', () => {
    const before = liveHandles();
    assert.throws(() => Policy.fromString('retour: 2\n'), PolicyError);
    assert.equal(liveHandles(), before);
  });

  test('10,000 load/close cycles keep the handle count at zero', () => {
    const text = readFileSync(policyPath('nl-jeweller'), 'utf8');
    const before = liveHandles();
    for (let i = 0; i < 10000; i++) Policy.fromString(text).close();
    assert.equal(liveHandles(), before);
  });
});

describe('garbage collector fallback', () => {
  test('policies dropped without close() are freed by the FinalizationRegistry', () => {
    const script = `
      import { Policy, liveHandles } from ${JSON.stringify(pathToFileURL(join(bindingDir, 'index.js')).href)};
      const text = ${JSON.stringify(readFileSync(policyPath('nl-jeweller'), 'utf8'))};
      function drop(n) { for (let i = 0; i < n; i++) Policy.fromString(text).evaluate; }
      drop(2000);
      const loaded = liveHandles();
      for (let i = 0; i < 20 && liveHandles() > 0; i++) {
        globalThis.gc();
        await new Promise((r) => setTimeout(r, 10));
      }
      console.log(JSON.stringify({ loaded, left: liveHandles() }));
    `;
    const res = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      env: process.env,
    });
    assert.equal(res.status, 0, res.stderr);
    const { loaded, left } = JSON.parse(res.stdout);
    assert.ok(loaded > 0, `some policies were still live before gc (${loaded})`);
    assert.equal(left, 0);
  });
});
