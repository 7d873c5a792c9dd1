import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { root, cliPath, haveCli, policyPath, requestPath, cases } from '../support/testing.js';
import { Policy, Decision } from '../index.js';

const electronics = Policy.fromFile(policyPath('nl-electronics'));
const jeweller = Policy.fromFile(policyPath('nl-jeweller'));
after(() => {
  electronics.close();
  jeweller.close();
});

describe('decisions', () => {
  test('opened phone: accept, refund 503.95 with the delivery', () => {
    const d = electronics.evaluate(readFileSync(requestPath('opened-phone.yaml'), 'utf8'));
    assert.ok(d instanceof Decision);
    assert.equal(d.outcome, 'accept');
    assert.equal(d.basis, 'withdrawal_right');
    assert.deepEqual(d.refund, {
      amount: '503.95',
      amountMinor: 50395n,
      items: '499.00',
      deductions: '0.00',
      outboundShipping: '4.95',
      storeCredit: '0.00',
      currency: 'EUR',
    });
    assert.equal(d.type, 'withdrawal');
    assert.equal(d.storeCredit, '0.00');
    assert.equal(d.withdrawalDeadline, '2026-03-17');
    assert.equal(d.returnBy, '2026-03-30');
    assert.equal(d.refundBy, '2026-03-30');
    assert.equal(d.returnShipping, 'customer');
    assert.deepEqual(d.reasons.map((r) => r.code), ['within_withdrawal_period', 'outbound_shipping_refunded']);
    assert.equal(d.reasons[0].law, 'BW 6:230o; Directive 2011/83/EU art. 9');
    assert.match(d.reasons[0].source, /nl-electronics\.yaml:5:15$/);
    assert.equal(d.reasons[1].source, null);
    assert.equal(d.items.length, 1);
    assert.deepEqual(
      { ...d.items[0], reasons: d.items[0].reasons.map((r) => r.code) },
      { index: 0, sku: 'PHONE-S4', category: 'electronics', outcome: 'accept', refund: '499.00', deduction: '0.00', remedy: null, remedyPercent: null, reasons: ['packaging_opened_allowed'] },
    );
  });

  test('unsealed earrings: reject with excluded_unsealed_hygiene, no return dates', () => {
    const d = jeweller.evaluate(readFileSync(requestPath('unsealed-earrings.yaml'), 'utf8'));
    assert.equal(d.outcome, 'reject');
    assert.equal(d.basis, 'withdrawal_right');
    assert.equal(d.refund.amount, '0.00');
    assert.equal(d.refund.amountMinor, 0n);
    assert.equal(d.withdrawalDeadline, '2026-05-07');
    assert.equal(d.returnBy, null);
    assert.equal(d.refundBy, null);
    assert.equal(d.items[0].outcome, 'reject');
    assert.deepEqual(d.items[0].reasons.map((r) => r.code), ['excluded_unsealed_hygiene']);
    assert.match(d.items[0].reasons[0].law, /art\. 16\(e\)/);
  });

  test('damaged box: partial with a 20% deduction', () => {
    const d = electronics.evaluate(readFileSync(requestPath('damaged-box.yaml')));
    assert.equal(d.outcome, 'partial');
    assert.equal(d.refund.amount, '124.15');
    assert.equal(d.refund.deductions, '29.80');
    assert.equal(d.items[0].deduction, '29.80');
    assert.deepEqual(d.items[0].reasons.map((r) => r.code), ['damaged_deduction']);
  });

  test('complaints: presumed defect to review, goodwill repair discount, late goodwill refund', () => {
    let d = jeweller.evaluate(readFileSync(requestPath('bracelet-worn-once.yaml'), 'utf8'));
    assert.equal(d.outcome, 'review');
    assert.equal(d.basis, 'legal_guarantee');
    assert.equal(d.type, 'complaint');
    assert.equal(d.withdrawalDeadline, null);
    assert.deepEqual(d.items[0].reasons.map((r) => r.code), ['presumed_defect', 'inspection_required']);
    assert.equal(d.items[0].reasons[0].law, 'Directive (EU) 2019/771 art. 11');
    assert.equal(d.items[0].remedy, null);

    d = jeweller.evaluate(readFileSync(requestPath('bent-clasp-returning.yaml'), 'utf8'));
    assert.equal(d.outcome, 'accept_goodwill');
    assert.equal(d.basis, 'goodwill');
    assert.equal(d.type, 'complaint');
    assert.equal(d.items[0].remedy, 'repair_discount');
    assert.equal(d.items[0].remedyPercent, '50.00');
    assert.deepEqual(d.items[0].reasons.map((r) => r.code), ['customer_caused_damage', 'goodwill_rule']);
    assert.equal(d.refund.amount, '0.00');

    d = jeweller.evaluate(readFileSync(requestPath('late-loyal-small.yaml'), 'utf8'));
    assert.equal(d.outcome, 'accept_goodwill');
    assert.equal(d.type, 'withdrawal');
    assert.equal(d.refund.amount, '34.50');
    assert.equal(d.items[0].remedy, 'refund');
    assert.equal(d.items[0].remedyPercent, null);
  });

  test('a goodwill grant of store credit: storeCredit, nothing refunded', () => {
    const yaml = readFileSync(policyPath('nl-jeweller'), 'utf8');
    const credit = yaml.replace(/^    grant: refund$/m, '    grant: store_credit');
    assert.notEqual(credit, yaml);
    const policy = Policy.fromString(credit, { name: 'credit.yaml' });
    try {
      const d = policy.evaluate(readFileSync(requestPath('late-loyal-small.yaml'), 'utf8'));
      assert.equal(d.outcome, 'accept_goodwill');
      assert.equal(d.storeCredit, '34.50');
      assert.equal(d.refund.storeCredit, '34.50');
      assert.equal(d.refund.amount, '0.00');
      assert.equal(d.items[0].remedy, 'store_credit');
    } finally {
      policy.close();
    }
  });

  test('a JavaScript object is serialised to JSON and decided the same way', () => {
    const request = JSON.parse(readFileSync(requestPath('opened-phone.json'), 'utf8'));
    const fromObject = electronics.evaluate(request);
    const fromYaml = electronics.evaluate(readFileSync(requestPath('opened-phone.yaml'), 'utf8'));
    assert.equal(fromObject.json(), fromYaml.json());
    assert.equal(fromObject.refund.amount, '503.95');
  });

  test('lang nl gives Dutch messages, the same codes', () => {
    const text = readFileSync(requestPath('opened-phone.yaml'), 'utf8');
    const en = electronics.evaluate(text);
    const nl = electronics.evaluate(text, { lang: 'nl' });
    assert.deepEqual(nl.reasons.map((r) => r.code), en.reasons.map((r) => r.code));
    assert.match(nl.reasons[0].message, /Herroeping/);
    assert.match(en.reasons[0].message, /Withdrawal notified/);
  });

  test('a decision is immutable and JSON.stringify gives the library structure', () => {
    const d = electronics.evaluate(readFileSync(requestPath('opened-phone.yaml'), 'utf8'));
    assert.ok(Object.isFrozen(d) && Object.isFrozen(d.refund) && Object.isFrozen(d.items[0].reasons[0]));
    assert.throws(() => {
      d.outcome = 'reject';
    }, TypeError);
    assert.deepEqual(JSON.parse(JSON.stringify(d)), JSON.parse(d.json()));
    assert.equal(JSON.parse(JSON.stringify(d)).refund.amount_minor, 50395);
  });

  test('policy accessors', () => {
    assert.equal(electronics.shop, 'Stroomlijn Elektronica');
    assert.equal(electronics.jurisdiction, 'NL');
    assert.equal(electronics.currency, 'EUR');
    assert.equal(electronics.currencyDecimals, 2);
    assert.equal(electronics.name, policyPath('nl-electronics'));
  });
});

describe('json() equals `retour eval --format json`', { skip: haveCli ? false : `no CLI at ${cliPath}` }, () => {
  for (const c of cases()) {
    for (const lang of ['en', 'nl']) test(`${c.name} (${lang})`, () => {
      // Paths relative to the repository root, as the CLI tests and the comparer use them.
      const policyFile = `examples/policies/${c.policy}.yaml`;
      const requestFile = `examples/${c.request}`;
      const expected = execFileSync(cliPath, ['eval', policyFile, requestFile, '--format', 'json', '--lang', lang], {
        cwd: root,
        encoding: 'utf8',
      });
      const cwd = process.cwd();
      process.chdir(root);
      let policy;
      try {
        policy = Policy.fromFile(policyFile);
        const d = policy.evaluate(readFileSync(requestFile), { lang });
        assert.equal(d.json() + '\n', expected);
      } finally {
        policy?.close();
        process.chdir(cwd);
      }
    });
  }
});
