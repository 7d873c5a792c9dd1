// libretour for Node.js: a thin koffi binding over the library's simple API.
//
// The C library decides; this module loads libretour.so, passes request text in and
// reads the decision JSON out. It adds no decision logic of its own.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** How to install the binding so that its dependency koffi comes along. */
export const INSTALL_HINT =
  'install the binding with its dependencies: `npm install --install-links /path/to/libretour/bindings/node` ' +
  '(a plain `npm install <folder>` only links the folder and leaves koffi out), or pack it first ' +
  '(`npm pack /path/to/libretour/bindings/node`, then `npm install ./libretour-<version>.tgz`), ' +
  'or run `npm install` inside bindings/node';

let koffi;
try {
  koffi = (await import('koffi')).default;
} catch (e) {
  const err = new Error(`libretour: cannot load the koffi package (${e.message}): ${INSTALL_HINT}`, { cause: e });
  err.code = 'RETOUR_KOFFI_NOT_FOUND';
  throw err;
}

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

/** What every "library not found" error ends with: the ways to point the binding at it. */
export const HOW_TO_POINT =
  'Point the binding at libretour in one of these ways: set RETOUR_LIBRARY to the file ' +
  '(export RETOUR_LIBRARY=/path/to/libretour/build/lib/libretour.so); or, after `meson install`, ' +
  'make pkg-config find retour.pc (export PKG_CONFIG_PATH=/usr/local/lib/x86_64-linux-gnu/pkgconfig, ' +
  'the directory that holds retour.pc); or register the library directory of the install with the ' +
  'system loader (sudo ldconfig, or LD_LIBRARY_PATH=/usr/local/lib/x86_64-linux-gnu).';

const SOURCE_WORDS = {
  argument: 'the library option',
  env: 'the environment variable RETOUR_LIBRARY',
  'pkg-config': 'pkg-config',
  system: 'the system loader; neither RETOUR_LIBRARY nor pkg-config named a file',
};

/** retour_json_form. */
const FULL = 0;
const COMPACT = 1;
const VERDICT = 2;

/** Requests per call of evaluateMany() (one crossing into C per batch). */
export const BATCH_SIZE = 256;

/** Where the low half of a 64-bit length sits among two 32-bit words. */
const LOW = endianness() === 'LE' ? 0 : 1;

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
      const err = new Error(
        `libretour: cannot load ${path} (found through ${SOURCE_WORDS[source] ?? source}; source ${source}): ` +
          `${e.message}. ${HOW_TO_POINT}`,
        { cause: e },
      );
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
    this.evaluatorNew = lib.func('int retour_evaluator_new(void *out, void *policy, const void *options)');
    this.evaluatorFree = lib.func('void retour_evaluator_free(void *evaluator)');
    this.evaluatorJson = lib.func(
      'int retour_evaluator_evaluate_json(void *out, void *len, void *evaluator, const void *text, size_t textLen, int form, int lang, void *err)');
    this.evaluatorMany = lib.func(
      'int retour_evaluator_evaluate_many(void *out, void *len, void *failed, void *evaluator, const void *texts, const void *lengths, size_t count, int form, int lang, void *err)');
    // out (const char *), len and failed (size_t) of the evaluator's calls, side by side.
    this.outs = Buffer.alloc(3 * 8);
    this.outsLen = this.outs.subarray(8, 16);
    this.outsFailed = this.outs.subarray(16, 24);
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

  /** Points ev.view at the evaluator's output (out and len in this.outs); its length. */
  view(ev) {
    const outs = this.outs;
    const lo = outs.readUInt32LE(0);
    const hi = outs.readUInt32LE(4);
    const len = outs.readUInt32LE(8) + outs.readUInt32LE(12) * 4294967296;
    // A view of the evaluator's buffer, made again only when the buffer moves or the
    // output is longer than any before at that address (the buffer holds at least that).
    if (lo !== ev.atLo || hi !== ev.atHi || len > ev.view.length) {
      ev.view = Buffer.from(koffi.view(koffi.decode(outs, 'void *'), len));
      ev.atLo = lo;
      ev.atHi = hi;
    }
    return len;
  }

  /** The text an evaluator call left in its buffer. */
  readOutput(ev) {
    const len = this.view(ev);
    return ev.view.utf8Slice(0, len);
  }

  /** The lines an evaluate_many call left in the evaluator's buffer, each decoded apart
   *  (a third of the cost of decoding the whole text and splitting it). */
  readLines(ev) {
    const len = this.view(ev);
    const view = ev.view;
    const lines = [];
    for (let start = 0; start < len;) {
      const end = view.indexOf(10, start);
      lines.push(view.utf8Slice(start, end));
      start = end + 1;
    }
    return lines;
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
  return { code: r.code, message: r.message ?? null, source: r.source, law: r.law };
}

function item(it) {
  return {
    index: it.index,
    sku: it.sku,
    category: it.category,
    outcome: it.outcome,
    refund: it.refund,
    deduction: it.deduction,
    remedy: it.remedy,
    remedyPercent: it.remedy_percent,
    reasons: it.reasons.map(reason),
  };
}

/**
 * A decision, read from the library's canonical JSON. Immutable. Its fields are read from
 * the JSON the first time one is used, not before: deciding costs no parsing for a caller
 * that only forwards decision.json().
 */
export class Decision {
  #json;
  #fields = null;

  /** @param {string} json the library's decision JSON. */
  constructor(json) {
    this.#json = json;
    Object.freeze(this);
  }

  #read() {
    if (this.#fields !== null) return this.#fields;
    const d = JSON.parse(this.#json);
    const minor = /"amount_minor":(-?[0-9]+)/.exec(this.#json);
    this.#fields = {
      outcome: d.outcome,
      basis: d.basis,
      type: d.type,
      refund: freezeAll({
        amount: d.refund.amount,
        amountMinor: minor ? BigInt(minor[1]) : BigInt(d.refund.amount_minor),
        items: d.refund.items,
        deductions: d.refund.deductions,
        outboundShipping: d.refund.outbound_shipping,
        storeCredit: d.refund.store_credit,
        currency: d.refund.currency,
      }),
      storeCredit: d.refund.store_credit,
      withdrawalDeadline: d.withdrawal_deadline,
      returnBy: d.return_by,
      refundBy: d.refund_by,
      calendar: d.calendar,
      returnShipping: d.return_shipping,
      reasons: freezeAll(d.reasons.map(reason)),
      items: freezeAll(d.items.map(item)),
    };
    return this.#fields;
  }

  get outcome() { return this.#read().outcome; }
  get basis() { return this.#read().basis; }
  get type() { return this.#read().type; }
  get refund() { return this.#read().refund; }
  get storeCredit() { return this.#read().storeCredit; }
  get withdrawalDeadline() { return this.#read().withdrawalDeadline; }
  get returnBy() { return this.#read().returnBy; }
  get refundBy() { return this.#read().refundBy; }
  get calendar() { return this.#read().calendar; }
  get returnShipping() { return this.#read().returnShipping; }
  get reasons() { return this.#read().reasons; }
  get items() { return this.#read().items; }

  /** @returns the exact JSON text of `retour eval --format json` (no trailing newline). */
  json() {
    return this.#json;
  }

  /** JSON.stringify(decision) gives the library's snake_case structure. */
  toJSON() {
    return JSON.parse(this.#json);
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    return `Decision ${inspect({ ...this.#read() }, options)}`;
  }
}

/**
 * The verdict of a request as a frozen plain object: outcome, deciding_reason (the code of
 * the reason that decided, or null) and withdrawal_deadline ("YYYY-MM-DD" or null), the
 * names of the library's verdict JSON.
 * @param {string} json
 */
function verdictOf(json) {
  return Object.freeze(JSON.parse(json));
}

function newDecision(json) {
  return new Decision(json);
}

// ---------------------------------------------------------------------------------------
// Policy
// ---------------------------------------------------------------------------------------

let live = 0; // policies loaded and not yet freed, in this isolate

/** Frees a policy's evaluator (if it made one), then the policy. */
function freeHeld(held, ptr) {
  if (held.ev !== 0n) {
    held.lib.evaluatorFree(held.ev);
    held.ev = 0n;
  }
  held.lib.policyFree(ptr);
}

const registry = new FinalizationRegistry((held) => {
  // The Policy was collected without close(): free its handle now.
  freeHeld(held, held.ptr);
  live--;
});

function toBytes(value, what) {
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  throw new TypeError(`${what} must be a string or a Uint8Array`);
}

function checkRequest(request) {
  if (typeof request === 'string' || request instanceof Uint8Array) return;
  if (request !== null && typeof request === 'object') return;
  throw new TypeError('request must be an object, a string or a Uint8Array');
}

/** An object request as JSON text. */
function requestText(request) {
  return JSON.stringify(request);
}

/** A request as the bytes handed to the library. */
function requestBytes(request) {
  if (typeof request === 'string' || request instanceof Uint8Array) return toBytes(request, 'request');
  checkRequest(request);
  return Buffer.from(requestText(request), 'utf8');
}

/** The RequestError of an evaluate_many error line ({"error":{...}}). */
function requestErrorOf(line, index) {
  const e = JSON.parse(line).error;
  const err = new RequestError(e.message, {
    code: e.code,
    file: e.file,
    line: e.line,
    column: e.column,
    offset: e.offset,
    path: e.path,
    formatted: e.formatted,
  });
  err.index = index;
  return err;
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
    this.#held = { lib, ptr, ev: 0n, view: null };
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

  /** The policy's evaluator (made at the first evaluation), and the view of its output. */
  #evaluator() {
    const held = this.#held;
    if (held.ptr === 0n) throw new PolicyError('the policy is closed', { code: Status.EINVAL });
    if (held.ev === 0n) {
      const lib = this.#lib;
      const rc = lib.evaluatorNew(lib.outPtr, held.ptr, null);
      if (rc !== Status.OK) throw new PolicyError(lib.strerror(rc), { code: rc });
      held.ev = lib.readPointer();
      held.view = { atLo: -1, atHi: -1, view: Buffer.alloc(0) };
    }
    return held;
  }

  /** One request through the evaluator: its JSON text in the given form. */
  #call(request, form, lang) {
    const bytes = requestBytes(request);
    const held = this.#evaluator();
    const lib = this.#lib;
    const rc = lib.evaluatorJson(lib.outs, lib.outsLen, held.ev, bytes, bytes.length, form, lang, lib.err);
    if (rc !== Status.OK) raise(lib, rc, RequestError);
    return lib.readOutput(held.view);
  }

  /**
   * Decides a request: an object (serialised with JSON.stringify) or YAML/JSON text.
   * Synchronous: it returns when the library has decided.
   * @param {object | string | Uint8Array} request
   * @param {{ lang?: 'en' | 'nl', compact?: boolean }} [options] compact: leave the
   *   reasons' messages out (codes, sources and citations stay)
   * @returns {Decision}
   */
  evaluate(request, options = {}) {
    return new Decision(this.evaluateJson(request, options));
  }

  /**
   * The decision as the library's JSON text, without a Decision: what
   * `retour eval --format json` prints (compact: `--format json --compact`).
   * @returns {string}
   */
  evaluateJson(request, options = {}) {
    return this.#call(request, options.compact ? COMPACT : FULL, langCode(options.lang));
  }

  /**
   * The verdict of a request: { outcome, deciding_reason, withdrawal_deadline }, what
   * evaluate() decides in those three fields, for hot paths.
   * @returns {Readonly<{ outcome: string, deciding_reason: string | null, withdrawal_deadline: string | null }>}
   */
  verdict(request) {
    return verdictOf(this.#call(request, VERDICT, 0));
  }

  /** The output lines of one batch (at most batchSize requests) through evaluate_many. */
  #batch(requests, form, lang) {
    const n = requests.length;
    const parts = new Array(n);
    // size_t lengths as a BigUint64Array's memory: written as 32-bit halves (low, high).
    const lengths = new Uint32Array(2 * n);
    let allText = true;
    for (let i = 0; i < n; i++) {
      const r = requests[i];
      const text = typeof r === 'string' ? r : r instanceof Uint8Array ? toBytes(r, 'request') : requestText(r);
      parts[i] = text;
      if (typeof text === 'string') {
        lengths[LOW + 2 * i] = Buffer.byteLength(text, 'utf8');
      } else {
        lengths[LOW + 2 * i] = text.length;
        allText = false;
      }
    }
    const texts = allText
      ? Buffer.from(parts.join(''), 'utf8')
      : Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
    const held = this.#evaluator();
    const lib = this.#lib;
    const rc = lib.evaluatorMany(lib.outs, lib.outsLen, lib.outsFailed, held.ev, texts, lengths, n, form, lang, lib.err);
    if (rc !== Status.OK) raise(lib, rc, PolicyError);
    return lib.readLines(held.view);
  }

  /** Checks the options of a many-call; returns [errors, batchSize]. */
  #manyOptions(requests, options) {
    const errors = options.errors ?? 'throw';
    if (errors !== 'throw' && errors !== 'return') throw new TypeError(`errors must be 'throw' or 'return', not ${String(errors)}`);
    const size = options.batchSize ?? BATCH_SIZE;
    if (!Number.isInteger(size) || size < 1) throw new TypeError('batchSize must be a whole number of at least 1');
    if (requests === null || typeof requests !== 'object' || typeof requests[Symbol.iterator] !== 'function')
      throw new TypeError('requests must be an iterable (an array, a generator, ...)');
    this.#evaluator(); // a closed policy fails here
    return [errors, size];
  }

  /** The results of one batch's lines, pushed to out; index is the first request's. */
  static #collect(lines, index, errors, make, out) {
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (line.startsWith('{"error":')) {
        const e = requestErrorOf(line, index + i);
        if (errors === 'throw') throw e;
        out.push(e);
      } else {
        out.push(make(line));
      }
    }
  }

  /** Every request's result in an array. */
  #manyArray(requests, form, lang, options, make) {
    const [errors, size] = this.#manyOptions(requests, options);
    const out = [];
    let batch = [];
    for (const r of requests) {
      checkRequest(r);
      batch.push(r);
      if (batch.length === size) {
        Policy.#collect(this.#batch(batch, form, lang), out.length, errors, make, out);
        batch = [];
      }
    }
    if (batch.length > 0) Policy.#collect(this.#batch(batch, form, lang), out.length, errors, make, out);
    return out;
  }

  /** The same as an iterator that reads the requests one batch at a time. */
  #manyIter(requests, form, lang, options, make) {
    const [errors, size] = this.#manyOptions(requests, options);
    const self = this;
    return (function* results() {
      let index = 0;
      let batch = [];
      const run = () => {
        const out = [];
        Policy.#collect(self.#batch(batch, form, lang), index, errors, make, out);
        index += batch.length;
        batch = [];
        return out;
      };
      for (const r of requests) {
        checkRequest(r);
        batch.push(r);
        if (batch.length === size) yield* run();
      }
      if (batch.length > 0) yield* run();
    })();
  }

  /**
   * Decides requests from any iterable, batchSize (256) at a time in one call into the
   * library each, and yields their decisions in order. A request that cannot be decided
   * throws its RequestError (errors: 'throw', the default; e.index is its position) or is
   * yielded as that error (errors: 'return').
   * @param {Iterable<object | string | Uint8Array>} requests
   * @param {{ lang?: 'en' | 'nl', compact?: boolean, errors?: 'throw' | 'return', batchSize?: number }} [options]
   */
  evaluateIter(requests, options = {}) {
    return this.#manyIter(requests, options.compact ? COMPACT : FULL, langCode(options.lang), options,
      newDecision);
  }

  /** evaluateIter() as an array: the decision of every request, in order. */
  evaluateMany(requests, options = {}) {
    return this.#manyArray(requests, options.compact ? COMPACT : FULL, langCode(options.lang), options,
      newDecision);
  }

  /** The verdict of every request, in order, batchSize at a time. Errors as evaluateIter(). */
  verdictMany(requests, options = {}) {
    return this.#manyArray(requests, VERDICT, 0, options, verdictOf);
  }

  /** Frees the policy now. Safe to call more than once. */
  close() {
    const held = this.#held;
    if (held.ptr === 0n) return;
    const ptr = held.ptr;
    held.ptr = 0n;
    registry.unregister(this);
    freeHeld(held, ptr);
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

// The names of issue 22 (the Python binding's), beside the JavaScript ones.
Policy.prototype.evaluate_many = Policy.prototype.evaluateMany;
Policy.prototype.evaluate_iter = Policy.prototype.evaluateIter;
Policy.prototype.verdict_many = Policy.prototype.verdictMany;

export default {
  Policy, Decision, PolicyError, RequestError, Status, version, strerror, library, resolveLibrary, liveHandles,
  HOW_TO_POINT, INSTALL_HINT, BATCH_SIZE,
};
