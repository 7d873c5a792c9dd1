// The library lookup order: argument, RETOUR_LIBRARY, pkg-config, system loader name.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, realpathSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bindingDir, libraryPath, policyPath } from '../support/testing.js';
import { resolveLibrary, library, version, Policy, SYSTEM_LIBRARY_NAME } from '../index.js';

const tmp = mkdtempSync(join(tmpdir(), 'retour-node-lib-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const libdir = dirname(libraryPath);
const emptyPc = join(tmp, 'no-pc');
mkdirSync(emptyPc);
const withPc = join(tmp, 'pc');
mkdirSync(withPc);
writeFileSync(
  join(withPc, 'retour.pc'),
  `libdir=${libdir}\n\nName: retour\nDescription: test\nVersion: 0.1.0\nLibs: -L\${libdir} -lretour\n`,
);

let havePkgConfig = true;
try {
  execFileSync('pkg-config', ['--version'], { stdio: 'ignore' });
} catch {
  havePkgConfig = false;
}

/** Runs resolveLibrary/library in a fresh node with the given environment changes. */
function child(env, code) {
  const full = { ...process.env, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete full[k];
  const script = `import * as r from ${JSON.stringify(pathToFileURL(join(bindingDir, 'index.js')).href)};\n${code}`;
  const res = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env: full, encoding: 'utf8' });
  return res;
}

// In this process: environment changes around resolveLibrary(), which reads them each call.
function withEnv(env, fn) {
  const saved = {};
  for (const k of Object.keys(env)) saved[k] = process.env[k];
  try {
    for (const [k, v] of Object.entries(env)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    return fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('library lookup order', () => {
  test('1. an explicit argument wins over RETOUR_LIBRARY', () => {
    const other = join(tmp, 'libretour-copy.so');
    symlinkSync(libraryPath, other);
    const r = withEnv({ RETOUR_LIBRARY: libraryPath }, () => resolveLibrary(other));
    assert.deepEqual(r, { path: other, source: 'argument' });
    assert.deepEqual(resolveLibrary(pathToFileURL(other)), { path: other, source: 'argument' });
    // and is actually what a policy is loaded with
    const p = Policy.fromFile(policyPath('minimal'), { library: other });
    assert.deepEqual(p.library, { path: other, source: 'argument' });
    assert.equal(p.currency, 'EUR');
    p.close();
    assert.equal(version({ library: other }), version());
  });

  test('a wrong explicit argument fails loudly, it does not fall back', () => {
    const missing = join(tmp, 'nope', 'libretour.so');
    assert.throws(
      () => Policy.fromFile(policyPath('minimal'), { library: missing }),
      (e) => e.code === 'RETOUR_LIBRARY_NOT_FOUND' && e.message.includes(missing) && e.message.includes('argument'),
    );
  });

  test('2. RETOUR_LIBRARY wins over pkg-config', () => {
    const r = withEnv({ RETOUR_LIBRARY: libraryPath, PKG_CONFIG_LIBDIR: withPc, PKG_CONFIG_PATH: withPc }, () =>
      resolveLibrary(),
    );
    assert.deepEqual(r, { path: libraryPath, source: 'env' });
    assert.deepEqual(library(), { path: libraryPath, source: 'env', version: version() });
  });

  test('a wrong RETOUR_LIBRARY fails loudly', () => {
    const res = child(
      { RETOUR_LIBRARY: join(tmp, 'missing.so'), PKG_CONFIG_LIBDIR: withPc },
      'try { r.version(); } catch (e) { console.log(e.code); }',
    );
    assert.equal(res.stdout.trim(), 'RETOUR_LIBRARY_NOT_FOUND', res.stderr);
  });

  test('3. pkg-config libdir when neither is set', { skip: !havePkgConfig && 'pkg-config not installed' }, () => {
    const r = withEnv({ RETOUR_LIBRARY: undefined, PKG_CONFIG_LIBDIR: withPc, PKG_CONFIG_PATH: undefined }, () =>
      resolveLibrary(),
    );
    assert.equal(r.source, 'pkg-config');
    assert.equal(realpathSync(r.path), realpathSync(libraryPath));
    assert.equal(r.path, join(libdir, SYSTEM_LIBRARY_NAME));
    const res = child(
      { RETOUR_LIBRARY: undefined, PKG_CONFIG_LIBDIR: withPc, PKG_CONFIG_PATH: undefined },
      'const l = r.library(); console.log(l.source, l.version);',
    );
    assert.equal(res.stdout.trim(), `pkg-config ${version()}`, res.stderr);
  });

  test('4. the system loader name last', () => {
    const r = withEnv({ RETOUR_LIBRARY: undefined, PKG_CONFIG_LIBDIR: emptyPc, PKG_CONFIG_PATH: undefined }, () =>
      resolveLibrary(),
    );
    assert.deepEqual(r, { path: 'libretour.so.1', source: 'system' });
    // The loader finds it through LD_LIBRARY_PATH (fixed at process start: a child).
    const res = child(
      { RETOUR_LIBRARY: undefined, PKG_CONFIG_LIBDIR: emptyPc, PKG_CONFIG_PATH: undefined, LD_LIBRARY_PATH: libdir },
      'const l = r.library(); console.log(l.path, l.source, l.version);',
    );
    assert.equal(res.stdout.trim(), `libretour.so.1 system ${version()}`, res.stderr);
  });

  test('an empty RETOUR_LIBRARY counts as unset', () => {
    const r = withEnv({ RETOUR_LIBRARY: '', PKG_CONFIG_LIBDIR: emptyPc, PKG_CONFIG_PATH: undefined }, () =>
      resolveLibrary(),
    );
    assert.equal(r.source, 'system');
  });
});
