// Worker threads: each worker loads its own Policy (koffi handles belong to one isolate);
// the C library lets them evaluate at the same time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bindingDir, policyPath, requestPath } from '../support/testing.js';
import { Policy } from '../index.js';

const workerCode = `
  import { parentPort, workerData } from 'node:worker_threads';
  import { readFileSync } from 'node:fs';
  const { Policy } = await import(workerData.index);
  const policy = Policy.fromFile(workerData.policy);
  const request = readFileSync(workerData.request);
  let json = null;
  for (let i = 0; i < workerData.n; i++) {
    const d = policy.evaluate(request);
    if (json === null) json = d.json();
    else if (d.json() !== json) throw new Error('decisions differ inside a worker');
  }
  policy.close();
  parentPort.postMessage(json);
`;

function runWorker(n) {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL(`data:text/javascript,${encodeURIComponent(workerCode)}`), {
      workerData: {
        index: pathToFileURL(join(bindingDir, 'index.js')).href,
        policy: policyPath('nl-jeweller'),
        request: requestPath('mixed-order.yaml'),
        n,
      },
    });
    let result;
    w.on('message', (m) => (result = m));
    w.on('error', reject);
    w.on('exit', (code) => (code === 0 ? resolve(result) : reject(new Error(`worker exited with ${code}`))));
  });
}

test('four workers, each with its own Policy, decide like the main thread', async () => {
  const policy = Policy.fromFile(policyPath('nl-jeweller'));
  const expected = policy.evaluate(readFileSync(requestPath('mixed-order.yaml'))).json();
  policy.close();
  const results = await Promise.all([runWorker(2000), runWorker(2000), runWorker(2000), runWorker(2000)]);
  for (const r of results) assert.equal(r, expected);
});

test('one Policy shared by concurrent async tasks in one isolate', async () => {
  const policy = Policy.fromFile(policyPath('nl-electronics'));
  const request = readFileSync(requestPath('opened-phone.yaml'));
  const task = async (k) => {
    const out = [];
    for (let i = 0; i < 50; i++) {
      await new Promise((r) => setImmediate(r));
      out.push(policy.evaluate(request, { lang: k % 2 ? 'nl' : 'en' }).refund.amount);
    }
    return out;
  };
  const all = (await Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map(task))).flat();
  assert.equal(all.length, 400);
  assert.ok(all.every((a) => a === '503.95'));
  policy.close();
});
