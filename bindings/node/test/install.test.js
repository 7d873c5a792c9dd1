// Installing the binding into a scratch project, as a user would: with --install-links (or
// from a packed tarball) npm copies the package and installs koffi next to it, and the
// import works; a plain `npm install <folder>` only links the folder and leaves koffi out,
// and the import then fails with an error that says how to install it.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bindingDir, libraryPath, policyPath, requestPath } from '../support/testing.js';

const npm = spawnSync('npm', ['--version'], { encoding: 'utf8' });
const skip = npm.status !== 0 && 'npm not installed';

const tmp = mkdtempSync(join(tmpdir(), 'retour-node-install-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of the package as it would be published: package.json and its "files", no node_modules. */
function freshCopy(dir) {
  const pkg = JSON.parse(readFileSync(join(bindingDir, 'package.json'), 'utf8'));
  mkdirSync(dir, { recursive: true });
  for (const f of ['package.json', 'package-lock.json', ...pkg.files]) cpSync(join(bindingDir, f), join(dir, f));
  return dir;
}

function run(cmd, args, cwd, env = {}) {
  const res = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 240000 });
  return res;
}

function scratchProject(name) {
  const app = join(tmp, name);
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name, version: '1.0.0', private: true, type: 'module' }));
  writeFileSync(
    join(app, 'decide.js'),
    `import { Policy } from 'libretour';
     import { readFileSync } from 'node:fs';
     const policy = Policy.fromFile(${JSON.stringify(policyPath('nl-electronics'))});
     const request = readFileSync(${JSON.stringify(requestPath('opened-phone.yaml'))});
     console.log(policy.verdict(request).outcome, policy.evaluate(request).refund.amount);
     policy.close();
    `,
  );
  return app;
}

const npmArgs = ['--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];
const env = { RETOUR_LIBRARY: libraryPath };

describe('npm install from a scratch project', { skip }, () => {
  test('npm install --install-links brings koffi along, and the import works', (t) => {
    const pkg = freshCopy(join(tmp, 'pkg-links'));
    const app = scratchProject('app-links');
    const res = run('npm', ['install', '--install-links', ...npmArgs, pkg], app);
    if (res.status !== 0 && /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT/.test(res.stderr)) {
      t.skip(`no npm registry: ${res.stderr.split('\n')[0]}`);
      return;
    }
    assert.equal(res.status, 0, res.stderr);
    const out = run(process.execPath, ['decide.js'], app, env);
    assert.equal(out.status, 0, out.stderr);
    assert.equal(out.stdout.trim(), 'accept 503.95');
  });

  test('a packed tarball installs the same way', (t) => {
    const pkg = freshCopy(join(tmp, 'pkg-pack'));
    const packed = run('npm', ['pack', '--loglevel=error', '--pack-destination', tmp, pkg], tmp);
    assert.equal(packed.status, 0, packed.stderr);
    const tarball = join(tmp, packed.stdout.trim().split('\n').pop());
    const app = scratchProject('app-pack');
    const res = run('npm', ['install', ...npmArgs, tarball], app);
    if (res.status !== 0 && /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT/.test(res.stderr)) {
      t.skip(`no npm registry: ${res.stderr.split('\n')[0]}`);
      return;
    }
    assert.equal(res.status, 0, res.stderr);
    const out = run(process.execPath, ['decide.js'], app, env);
    assert.equal(out.status, 0, out.stderr);
    assert.equal(out.stdout.trim(), 'accept 503.95');
  });

  test('a plain npm install <folder> links it without koffi: the error says how to install', () => {
    const pkg = freshCopy(join(tmp, 'pkg-plain'));
    const app = scratchProject('app-plain');
    const res = run('npm', ['install', ...npmArgs, pkg], app);
    assert.equal(res.status, 0, res.stderr);
    const out = run(process.execPath, ['decide.js'], app, env);
    assert.notEqual(out.status, 0);
    assert.match(out.stderr, /RETOUR_KOFFI_NOT_FOUND|cannot load the koffi package/);
    assert.match(out.stderr, /npm install --install-links/);
  });
});
