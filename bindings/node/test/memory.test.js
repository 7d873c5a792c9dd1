// No leak over 100,000 evaluations: RSS (VmRSS of /proc/self/status) after a warm-up must
// not grow by more than a small bound.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';
import { policyPath, requestPath, rssKiB } from '../support/testing.js';
import { Policy, RequestError } from '../index.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

const BOUND_KIB = 20 * 1024;

function measure(t, label, n, fn) {
  for (let i = 0; i < 5000; i++) fn(i); // warm-up: JIT, heap and malloc arenas settle
  gc();
  const before = rssKiB();
  for (let i = 0; i < n; i++) fn(i);
  gc();
  const after = rssKiB();
  const growth = after - before;
  t.diagnostic(`${label}: RSS ${before} KiB -> ${after} KiB over ${n} calls (growth ${growth} KiB)`);
  assert.ok(growth < BOUND_KIB, `${label}: RSS grew by ${growth} KiB`);
}

test('100,000 evaluations do not leak', (t) => {
  const policy = Policy.fromFile(policyPath('nl-jeweller'));
  const requests = ['mixed-order.yaml', 'sealed-earrings.yaml', 'shop-window.yaml'].map((f) =>
    readFileSync(requestPath(f)),
  );
  let accepted = 0;
  measure(t, 'evaluate', 100000, (i) => {
    const d = policy.evaluate(requests[i % 3], { lang: i % 2 ? 'nl' : 'en' });
    if (d.outcome === 'accept') accepted++;
  });
  assert.ok(accepted > 0);
  policy.close();
});

test('100,000 evaluations of a JavaScript object do not leak', (t) => {
  const policy = Policy.fromFile(policyPath('nl-electronics'));
  const request = JSON.parse(readFileSync(requestPath('opened-phone.json'), 'utf8'));
  measure(t, 'evaluate(object)', 100000, () => {
    assert.equal(policy.evaluate(request).refund.amountMinor, 50395n);
  });
  policy.close();
});

test('20,000 failing evaluations do not leak', (t) => {
  const policy = Policy.fromFile(policyPath('nl-electronics'));
  const bad = { type: 'withdrawal', notified: '2026-03-16', items: [{ sku: 'X', price: 'cheap', delivered: '2026-03-03' }] };
  measure(t, 'failing evaluate', 20000, () => {
    assert.throws(() => policy.evaluate(bad), RequestError);
  });
  policy.close();
});

test('20,000 policy loads and closes do not leak', (t) => {
  const text = readFileSync(policyPath('de-fashion'));
  measure(t, 'load/close', 20000, () => Policy.fromString(text).close());
});
