// libretour for Node.js: a thin koffi binding over the library's simple API.
//
// The C library decides; this module loads libretour.so, passes request text in and
// reads the decision JSON out. It adds no decision logic of its own.

import koffi from 'koffi';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** retour_status values (include/retour.h). */
export const Status = Object.freeze({
  OK: 0,
  EINVAL: -1,
  ENOMEM: -2,
  EIO: -3,
  ESYNTAX: -4,
  ESCHEMA: -5,
  ELIMIT: -6,
  ERANGE: -7,
  EREQUEST: -8,
});

const STATUS_NAMES = new Map(Object.entries(Status).map(([k, v]) => [v, `RETOUR_${k}`]));

/** Message languages (retour_lang). */
const LANGS = Object.freeze({ en: 0, nl: 1 });

/** The name the system loader is asked for when nothing else names the library. */
export const SYSTEM_LIBRARY_NAME = 'libretour.so.1';

// ---------------------------------------------------------------------------------------
// Types. Koffi type names are global to the isolate, so they are declared once here.
// ---------------------------------------------------------------------------------------

// Sizes from include/retour.h (RETOUR_ERROR_FILE_MAX, _PATH_MAX, _MESSAGE_MAX); the tests
// compare them with the header.
export const ERROR_FIELD_SIZES = Object.freeze({ file: 256, path: 128, message: 512 });
const RetourError = koffi.struct({ // retour_error; anonymous, so two copies of this module can coexist
  code: 'int',
  line: 'int',
  column: 'int',
  offset: 'size_t',
  file: koffi.array('char', ERROR_FIELD_SIZES.file, 'String'),
  path: koffi.array('char', ERROR_FIELD_SIZES.path, 'String'),
  message: koffi.array('char', ERROR_FIELD_SIZES.message, 'String'),
});
const ERROR_SIZE = koffi.sizeof(RetourError);
const POINTER_SIZE = koffi.sizeof('void *');
const SIZE_T_SIZE = koffi.sizeof('size_t');

// ---------------------------------------------------------------------------------------
// Library lookup and loading
// ---------------------------------------------------------------------------------------

function pkgConfigLibdir() {
  try {
    const out = execFileSync('pkg-config', ['--variable=libdir', 'retour'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 10000,
    });
    const dir = out.trim();
    return dir === '' ? null : dir;
  } catch {
    return null; // pkg-config missing, or no retour.pc on its path
  }
}

function checkPath(value, what) {
  if (typeof value !== 'string' || value === '')
    throw new TypeError(`${what} must be a non-empty string`);
  if (value.includes('\0')) throw new TypeError(`${what} must not contain a NUL character`);
  return value;
}

/**
 * Says which shared library the binding would load, without loading it.
 * Order: the explicit argument, then $RETOUR_LIBRARY, then pkg-config's libdir for
 * "retour" (libretour.so.1 or libretour.so there), then the system loader's
 * "libretour.so.1". The first two are used as given even when the file is missing, so a
 * wrong setting fails loudly instead of silently loading another copy.
 * @param {string | URL | undefined | null} explicit
 * @returns {{ path: string, source: 'argument' | 'env' | 'pkg-config' | 'system' }}
 */
export function resolveLibrary(explicit) {
  if (explicit !== undefined && explicit !== null) {
    const path = explicit instanceof URL ? fileURLToPath(explicit) : explicit;
    return { path: checkPath(path, 'library'), source: 'argument' };
  }
  const env = process.env.RETOUR_LIBRARY;
  if (env !== undefined && env !== '') return { path: checkPath(env, 'RETOUR_LIBRARY'), source: 'env' };
  const libdir = pkgConfigLibdir();
  if (libdir !== null) {
    for (const name of [SYSTEM_LIBRARY_NAME, 'libretour.so']) {
      const candidate = join(libdir, name);
      if (existsSync(candidate)) return { path: candidate, source: 'pkg-config' };
    }
  }
  return { path: SYSTEM_LIBRARY_NAME, source: 'system' };
}

const libraries = new Map(); // source + path -> Library, for the life of the isolate
let defaultLibrary = null;

class Library {
  constructor(path, source) {
    let lib;
    try {
      lib = koffi.load(path);
    } catch (e) {
      const err = new Error(`libretour: cannot load ${path} (from ${source}): ${e.message}`, {
        cause: e,
      });
      err.code = 'RETOUR_LIBRARY_NOT_FOUND';
      throw err;
    }
    this.path = path;
    this.source = source;
    this.lib = lib;
    this.version = lib.func('const char *retour_version(void)');
    this.strerror = lib.func('const char *retour_strerror(int code)');
    this.errorFormat = lib.func('int retour_error_format(void *buf, size_t size, const void *err)');
    this.policyLoadFile = lib.func(
      'int retour_policy_load_file(void *out, const char *path, const void *options, void *err)');
    this.policyLoadString = lib.func(
      'int retour_policy_load_string(void *out, const void *text, size_t len, const char *name, const void *options, void *err)');
    this.policyFree = lib.func('void retour_policy_free(void *policy)');
    this.policyShop = lib.func('const char *retour_policy_shop(void *policy)');
    this.policyJurisdiction = lib.func('const char *retour_policy_jurisdiction(void *policy)');
    this.policyCurrency = lib.func('const char *retour_policy_currency(void *policy)');
    this.policyCurrencyDecimals = lib.func('int retour_policy_currency_decimals(void *policy)');
    this.evaluateJson = lib.func(
      'int retour_evaluate_json(void *out, void *len, void *policy, const void *text, size_t textLen, int lang, void *err)');
    this.stringFree = lib.func('void retour_string_free(void *str)');
    // Scratch buffers for out parameters. Calls are synchronous and an isolate runs one
    // at a time, so one set per library is enough.
    this.outPtr = Buffer.alloc(POINTER_SIZE);
    this.outLen = Buffer.alloc(SIZE_T_SIZE);
    // The error buffer has slack, so that a library built with larger error fields
    // cannot write past it (the fields read would then be wrong, the memory not).
    this.err = Buffer.alloc(ERROR_SIZE + 1024);
  }

  /** Reads the retour_error scratch buffer. */
  readError() {
    return koffi.decode(this.err, RetourError);
  }

  /** Reads the pointer out parameter (a BigInt, 0n for NULL). */
  readPointer() {
    const p = koffi.decode(this.outPtr, 'void *');
    return p === null || p === undefined ? 0n : BigInt(p);
  }

  formatError() {
    const buf = Buffer.alloc(1024);
    const n = this.errorFormat(buf, buf.length, this.err);
    return buf.toString('utf8', 0, Math.max(0, Math.min(n, buf.length - 1)));
  }
}

function getLibrary(explicit) {
  if ((explicit === undefined || explicit === null) && defaultLibrary !== null) return defaultLibrary;
  const { path, source } = resolveLibrary(explicit);
  const key = `${source}\0${path}`;
  let lib = libraries.get(key);
  if (lib === undefined) {
    lib = new Library(path, source);
    libraries.set(key, lib);
  }
  if (explicit === undefined || explicit === null) defaultLibrary = lib;
  return lib;
}

/**
 * Loads (once) and describes the library the binding uses.
 * @param {{ library?: string | URL }} [options]
 */
export function library(options = {}) {
  const lib = getLibrary(options.library);
  return { path: lib.path, source: lib.source, version: lib.version() };
}

/** @returns the loaded library's version string, e.g. "0.1.0". */
export function version(options = {}) {
  return getLibrary(options.library).version();
}

/** @returns the library's description of a retour_status code. */
export function strerror(code, options = {}) {
  return getLibrary(options.library).strerror(code);
}

// ---------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------

/**
 * A policy (or request) the library refused: the fields of retour_error.
 * code is the negative retour_status; status its name ("RETOUR_ESCHEMA").
 */
export class PolicyError extends Error {
  constructor(message, fields = {}) {
    super(message);
    this.name = new.target.name;
    this.code = fields.code ?? Status.EINVAL;
    this.status = STATUS_NAMES.get(this.code) ?? 'RETOUR_UNKNOWN';
    this.file = fields.file ?? '';
    this.line = fields.line ?? 0;
    this.column = fields.column ?? 0;
    this.offset = fields.offset ?? 0;
    this.path = fields.path ?? '';
    this.formatted = fields.formatted ?? message;
  }
}

/** A request that could not be parsed or decided against the policy. */
export class RequestError extends PolicyError {}

function raise(lib, rc, Kind) {
  const e = lib.readError();
  const message = e.message !== '' ? e.message : lib.strerror(rc);
  throw new Kind(message, {
    code: e.code !== 0 ? e.code : rc,
    file: e.file,
    line: e.line,
    column: e.column,
    offset: Number(e.offset),
    path: e.path,
    formatted: lib.formatError(),
  });
}

// ---------------------------------------------------------------------------------------
// Decision
// ---------------------------------------------------------------------------------------

function freezeAll(value) {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) freezeAll(v);
    Object.freeze(value);
  }
  return value;
}

function reason(r) {
  return { code: r.code, message: r.message, source: r.source, law: r.law };
}

/** A decision, read from the library's canonical JSON. Immutable. */
export class Decision {
  #json;

  /** @param {string} json the library's decision JSON. */
  constructor(json) {
    this.#json = json;
    const d = JSON.parse(json);
    const minor = /"amount_minor":(-?[0-9]+)/.exec(json);
    this.outcome = d.outcome;
    this.basis = d.basis;
    this.type = d.type;
    this.refund = {
      amount: d.refund.amount,
      amountMinor: minor ? BigInt(minor[1]) : BigInt(d.refund.amount_minor),
      items: d.refund.items,
      deductions: d.refund.deductions,
      outboundShipping: d.refund.outbound_shipping,
      storeCredit: d.refund.store_credit,
      currency: d.refund.currency,
    };
    this.storeCredit = d.refund.store_credit;
    this.withdrawalDeadline = d.withdrawal_deadline;
    this.returnBy = d.return_by;
    this.refundBy = d.refund_by;
    this.calendar = d.calendar;
    this.returnShipping = d.return_shipping;
    this.reasons = d.reasons.map(reason);
    this.items = d.items.map((it) => ({
      index: it.index,
      sku: it.sku,
      category: it.category,
      outcome: it.outcome,
      refund: it.refund,
      deduction: it.deduction,
      remedy: it.remedy,
      remedyPercent: it.remedy_percent,
      reasons: it.reasons.map(reason),
    }));
    freezeAll(this.refund);
    freezeAll(this.reasons);
    freezeAll(this.items);
    Object.freeze(this);
  }

  /** @returns the exact JSON text of `retour eval --format json` (no trailing newline). */
  json() {
    return this.#json;
  }

  /** JSON.stringify(decision) gives the library's snake_case structure. */
  toJSON() {
    return JSON.parse(this.#json);
  }
}

// ---------------------------------------------------------------------------------------
// Policy
// ---------------------------------------------------------------------------------------

let live = 0; // policies loaded and not yet freed, in this isolate

const registry = new FinalizationRegistry((held) => {
  // The Policy was collected without close(): free its handle now.
  held.lib.policyFree(held.ptr);
  live--;
});

function toBytes(value, what) {
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  throw new TypeError(`${what} must be a string or a Uint8Array`);
}

function langCode(lang) {
  if (lang === undefined || lang === null) return LANGS.en;
  if (typeof lang === 'string' && Object.hasOwn(LANGS, lang)) return LANGS[lang];
  throw new TypeError(`lang must be one of ${Object.keys(LANGS).join(', ')}, not ${String(lang)}`);
}

const NEW_TOKEN = Symbol('Policy');

/** A loaded, validated return policy. Immutable in C; free it with close(). */
export class Policy {
  #lib;
  #held;
  #name;

  /** Use Policy.fromFile() or Policy.fromString(). */
  constructor(token, lib, ptr, name) {
    if (token !== NEW_TOKEN) throw new TypeError('use Policy.fromFile() or Policy.fromString()');
    this.#lib = lib;
    this.#held = { lib, ptr };
    this.#name = name;
    live++;
    registry.register(this, this.#held, this);
  }

  /**
   * Loads and validates a policy file.
   * @param {string | URL} path
   * @param {{ library?: string | URL }} [options]
   */
  static fromFile(path, options = {}) {
    const file = checkPath(path instanceof URL ? fileURLToPath(path) : path, 'path');
    const lib = getLibrary(options.library);
    const rc = lib.policyLoadFile(lib.outPtr, file, null, lib.err);
    if (rc !== Status.OK) raise(lib, rc, PolicyError);
    return new Policy(NEW_TOKEN, lib, lib.readPointer(), file);
  }

  /**
   * Loads and validates a policy from YAML text.
   * @param {string | Uint8Array} text
   * @param {{ name?: string, library?: string | URL }} [options]
   */
  static fromString(text, options = {}) {
    const bytes = toBytes(text, 'text');
    const name = options.name === undefined || options.name === null ? null : checkPath(options.name, 'name');
    const lib = getLibrary(options.library);
    const rc = lib.policyLoadString(lib.outPtr, bytes, bytes.length, name, null, lib.err);
    if (rc !== Status.OK) raise(lib, rc, PolicyError);
    return new Policy(NEW_TOKEN, lib, lib.readPointer(), name ?? '<string>');
  }

  #handle() {
    if (this.#held.ptr === 0n) throw new PolicyError('the policy is closed', { code: Status.EINVAL });
    return this.#held.ptr;
  }

  /**
   * Decides a request: an object (serialised with JSON.stringify) or YAML/JSON text.
   * Synchronous: it returns when the library has decided.
   * @param {object | string | Uint8Array} request
   * @param {{ lang?: 'en' | 'nl' }} [options]
   * @returns {Decision}
   */
  evaluate(request, options = {}) {
    const lang = langCode(options.lang);
    let bytes;
    if (typeof request === 'string' || request instanceof Uint8Array) {
      bytes = toBytes(request, 'request');
    } else if (request !== null && typeof request === 'object') {
      bytes = Buffer.from(JSON.stringify(request), 'utf8');
    } else {
      throw new TypeError('request must be an object, a string or a Uint8Array');
    }
    const ptr = this.#handle();
    const lib = this.#lib;
    const rc = lib.evaluateJson(lib.outPtr, lib.outLen, ptr, bytes, bytes.length, lang, lib.err);
    if (rc !== Status.OK) raise(lib, rc, RequestError);
    const out = lib.readPointer();
    let json;
    try {
      const len = Number(koffi.decode(lib.outLen, 'size_t'));
      json = koffi.decode.string(out, len);
    } finally {
      lib.stringFree(out);
    }
    return new Decision(json);
  }

  /** Frees the policy now. Safe to call more than once. */
  close() {
    const held = this.#held;
    if (held.ptr === 0n) return;
    const ptr = held.ptr;
    held.ptr = 0n;
    registry.unregister(this);
    held.lib.policyFree(ptr);
    live--;
  }

  /** True once close() has run. */
  get closed() {
    return this.#held.ptr === 0n;
  }

  /** The file path, or the name given to fromString() ("<string>" by default). */
  get name() {
    return this.#name;
  }

  /** The shop name ("" when the policy has none). */
  get shop() {
    return this.#lib.policyShop(this.#handle());
  }

  /** The jurisdiction as written: "NL", "EU", "UK", "none", ... */
  get jurisdiction() {
    return this.#lib.policyJurisdiction(this.#handle());
  }

  /** The ISO 4217 currency code. */
  get currency() {
    return this.#lib.policyCurrency(this.#handle());
  }

  /** Decimals of the currency's minor unit (EUR 2, JPY 0). */
  get currencyDecimals() {
    return this.#lib.policyCurrencyDecimals(this.#handle());
  }

  /** The library this policy was loaded with: { path, source }. */
  get library() {
    return { path: this.#lib.path, source: this.#lib.source };
  }

  [Symbol.for('nodejs.util.inspect.custom')]() {
    return `Policy { name: ${JSON.stringify(this.#name)}${this.closed ? ', closed' : ''} }`;
  }
}

if (typeof Symbol.dispose === 'symbol') {
  Object.defineProperty(Policy.prototype, Symbol.dispose, {
    value: function dispose() {
      this.close();
    },
    writable: true,
    configurable: true,
  });
}

/** Policies loaded in this isolate and not yet freed (by close() or the GC). */
export function liveHandles() {
  return live;
}

export default { Policy, Decision, PolicyError, RequestError, Status, version, strerror, library, resolveLibrary, liveHandles };
