// Issue 22 through the binding: the compact decision, the verdict, evaluateMany /
// evaluateIter / verdictMany (one call into the library per batch), lazy decisions, and
// the messages that say how to point the binding at the library.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bindingDir, cliPath, haveCli, policyPath, requestPath } from '../support/testing.js';
import { BATCH_SIZE, Decision, HOW_TO_POINT, Policy, PolicyError, RequestError, Status } from '../index.js';

const PHONE = {
  type: 'withdrawal', ordered: '2026-03-01', notified: '2026-03-16', shipping_paid: '4.95',
  items: [{ sku: 'PHONE-S4', category: 'electronics', price: '499.00', quantity: 1,
            delivered: '2026-03-03', packaging: 'opened' }],
  customer: { orders: 4, claims_last_year: 0 },
};
const COMPLAINT = {
  type: 'complaint', notified: '2026-03-16',
  items: [{ sku: 'PHONE-S4', category: 'electronics', price: '499.00', delivered: '2025-10-01' }],
};
const BAD_PRICE = {
  type: 'withdrawal', notified: '2026-03-16',
  items: [{ sku: 'A', price: '4.999', delivered: '2026-03-03' }],
};

function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  assert.fail('expected an exception');
}

describe('forms', () => {
  const policy = Policy.fromFile(policyPath('nl-electronics'));
  after(() => policy.close());

  test('the compact decision leaves the messages out, nothing else', () => {
    const full = policy.evaluate(PHONE);
    const compact = policy.evaluate(PHONE, { compact: true });
    assert.equal(compact.outcome, 'accept');
    assert.deepEqual(compact.reasons.map((r) => r.code), ['within_withdrawal_period', 'outbound_shipping_refunded']);
    assert.equal(compact.reasons[0].message, null);
    assert.equal(compact.reasons[0].law, 'BW 6:230o; Directive 2011/83/EU art. 9');
    assert.equal(compact.reasons[0].source, full.reasons[0].source);
    assert.ok(!compact.json().includes('"message"'));
    const stripped = JSON.parse(full.json());
    for (const r of [...stripped.reasons, ...stripped.items[0].reasons]) delete r.message;
    assert.deepEqual(stripped, JSON.parse(compact.json()));
    assert.equal(policy.evaluateJson(PHONE, { compact: true }), compact.json());
    assert.equal(policy.evaluateJson(PHONE, { compact: true, lang: 'nl' }), compact.json());
    assert.equal(policy.evaluateJson(PHONE), full.json());
  });

  test('the compact decision is the CLI\'s', { skip: !haveCli && 'no retour program built' }, () => {
    const res = spawnSync(cliPath, ['eval', policyPath('nl-electronics'), requestPath('opened-phone.yaml'),
      '--format', 'json', '--compact'], { encoding: 'utf8' });
    assert.equal(res.status, 0, res.stderr);
    assert.equal(policy.evaluate(readFileSync(requestPath('opened-phone.yaml')), { compact: true }).json(),
      res.stdout.trimEnd());
  });

  test('the verdict: outcome, deciding_reason, withdrawal_deadline', () => {
    const v = policy.verdict(PHONE);
    assert.deepEqual(v, { outcome: 'accept', deciding_reason: 'within_withdrawal_period', withdrawal_deadline: '2026-03-17' });
    assert.ok(Object.isFrozen(v));
    assert.deepEqual(policy.verdict(JSON.stringify(COMPLAINT)),
      { outcome: 'accept', deciding_reason: 'presumed_defect', withdrawal_deadline: null });
    const d = policy.evaluate(COMPLAINT);
    assert.equal(d.outcome, 'accept');
    assert.equal(d.withdrawalDeadline, null);
    const e = thrown(() => policy.verdict(BAD_PRICE));
    assert.ok(e instanceof RequestError);
    assert.equal(e.code, Status.ERANGE);
    assert.equal(e.path, 'items[0].price');
  });

  test('a decision reads its JSON when a field is first used', () => {
    const json = policy.evaluateJson(PHONE);
    const d = new Decision(json);
    assert.ok(Object.isFrozen(d));
    assert.equal(d.json(), json);
    assert.equal(d.refund.amount, '503.95');
    assert.equal(d.refund.amountMinor, 50395n);
    assert.ok(Object.isFrozen(d.items[0].reasons));
    assert.throws(() => { d.outcome = 'reject'; }, TypeError);
    assert.equal(d.outcome, 'accept');
    assert.deepEqual(JSON.parse(JSON.stringify(d)), JSON.parse(json));
  });
});

describe('many requests', () => {
  const policy = Policy.fromFile(policyPath('nl-electronics'));
  after(() => policy.close());

  test('evaluateMany gives what evaluate gives, one by one', () => {
    const requests = [PHONE, JSON.stringify(COMPLAINT), readFileSync(requestPath('opened-phone.yaml')), PHONE];
    assert.deepEqual(policy.evaluateMany(requests).map((d) => d.json()), requests.map((r) => policy.evaluate(r).json()));
    assert.deepEqual(policy.evaluateMany(requests, { lang: 'nl', compact: true, batchSize: 3 }).map((d) => d.json()),
      requests.map((r) => policy.evaluate(r, { lang: 'nl', compact: true }).json()));
    assert.deepEqual(policy.verdictMany(requests, { batchSize: 1 }), requests.map((r) => policy.verdict(r)));
    assert.deepEqual(policy.evaluateMany([]), []);
    // The names of issue 22 beside the JavaScript ones.
    assert.equal(policy.evaluate_many, policy.evaluateMany);
    assert.equal(policy.evaluate_iter, policy.evaluateIter);
    assert.equal(policy.verdict_many, policy.verdictMany);
  });

  test('a request that fails throws its RequestError with its index, or takes its place', () => {
    const requests = [PHONE, BAD_PRICE, COMPLAINT, 'type: [', PHONE];
    const e = thrown(() => policy.evaluateMany(requests));
    assert.ok(e instanceof RequestError && e instanceof PolicyError);
    assert.equal(e.index, 1);
    const one = thrown(() => policy.evaluate(BAD_PRICE));
    for (const f of ['code', 'status', 'file', 'line', 'column', 'offset', 'path', 'message', 'formatted'])
      assert.equal(e[f], one[f], f);
    assert.equal(one.index, undefined);
    const got = policy.evaluateMany(requests, { errors: 'return', batchSize: 2 });
    assert.deepEqual(got.map((x) => x.constructor.name), ['Decision', 'RequestError', 'Decision', 'RequestError', 'Decision']);
    assert.deepEqual([got[1].index, got[3].index], [1, 3]);
    assert.equal(got[3].code, Status.ESYNTAX);
    const verdicts = policy.verdictMany(requests, { errors: 'return' });
    assert.deepEqual(verdicts[0], policy.verdict(PHONE));
    assert.ok(verdicts[1] instanceof RequestError);
    assert.throws(() => policy.evaluateMany(requests, { errors: 'ignore' }), TypeError);
    assert.throws(() => policy.evaluateMany(requests, { batchSize: 0 }), TypeError);
    assert.throws(() => policy.evaluateMany(requests, { lang: 'de' }), TypeError);
    assert.throws(() => policy.evaluateMany([42]), TypeError);
    assert.throws(() => policy.evaluateMany(PHONE), TypeError);
  });

  test('evaluateIter reads the requests one batch at a time', () => {
    const taken = [];
    function* source() {
      for (let i = 0; i < 10; i++) {
        taken.push(i);
        yield i % 3 ? PHONE : COMPLAINT;
      }
    }
    const it = policy.evaluateIter(source(), { batchSize: 4 });
    assert.equal(taken.length, 0);
    const first = it.next().value;
    assert.equal(first.type, 'complaint');
    assert.equal(taken.length, 4);
    const rest = [...it];
    assert.equal(rest.length, 9);
    assert.equal(taken.length, 10);
    assert.deepEqual(rest.slice(0, 3).map((d) => d.type), ['withdrawal', 'withdrawal', 'complaint']);
  });

  test('a thousand requests: four calls of the default batch', () => {
    assert.equal(BATCH_SIZE, 256);
    const many = Array.from({ length: 1000 }, (_, i) => (i % 2 ? PHONE : COMPLAINT));
    const got = policy.verdictMany(many);
    assert.equal(got.length, 1000);
    assert.deepEqual(got[998], policy.verdict(COMPLAINT));
    assert.deepEqual(got[999], policy.verdict(PHONE));
  });

  test('text with UTF-8 keeps its byte lengths', () => {
    const utf = { ...PHONE, items: [{ ...PHONE.items[0], sku: 'Café-€-😀' }] };
    const [d] = policy.evaluateMany([utf, JSON.stringify(utf)]).slice(0, 1);
    assert.equal(d.items[0].sku, 'Café-€-😀');
    assert.deepEqual(policy.evaluateMany([JSON.stringify(utf), utf]).map((x) => x.json()),
      [policy.evaluate(utf).json(), policy.evaluate(utf).json()]);
  });

  test('a closed policy refuses, an unclosed one is freed with its evaluator', () => {
    const p = Policy.fromFile(policyPath('minimal'));
    p.verdict(PHONE);
    p.close();
    assert.throws(() => p.verdict(PHONE), PolicyError);
    assert.throws(() => p.evaluateMany([PHONE]), PolicyError);
    assert.throws(() => p.evaluateIter([PHONE]), PolicyError);
    p.close();
  });
});

describe('pointing at the library', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'retour-node-fast-'));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  function child(env, code) {
    const full = { ...process.env, ...env };
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete full[k];
    const script = `import * as r from ${JSON.stringify(pathToFileURL(join(bindingDir, 'index.js')).href)};\n${code}`;
    return spawnSync(process.execPath, ['--input-type=module', '-e', script], { env: full, encoding: 'utf8' });
  }

  test('a library that is not found: the error says how to point at it', () => {
    for (const env of [
      { RETOUR_LIBRARY: join(tmp, 'missing.so') },
      { RETOUR_LIBRARY: undefined, PKG_CONFIG_PATH: tmp, PKG_CONFIG_LIBDIR: tmp, LD_LIBRARY_PATH: '' },
    ]) {
      const res = child(env, 'try { r.version(); console.log("loaded"); } catch (e) { console.log(e.code); console.log(e.message); }');
      const [code, message] = res.stdout.split('\n');
      if (code === 'loaded') continue; // libretour.so.1 installed system-wide
      assert.equal(code, 'RETOUR_LIBRARY_NOT_FOUND', res.stderr);
      for (const word of ['RETOUR_LIBRARY', 'PKG_CONFIG_PATH', 'ldconfig']) assert.ok(message.includes(word), `${word} in: ${message}`);
      assert.ok(message.includes(HOW_TO_POINT));
    }
  });
});
