// Type declarations for libretour's Node.js binding (index.js).
/// <reference types="node" />

/** retour_status values of include/retour.h. */
export declare const Status: Readonly<{
  OK: 0;
  EINVAL: -1;
  ENOMEM: -2;
  EIO: -3;
  ESYNTAX: -4;
  ESCHEMA: -5;
  ELIMIT: -6;
  ERANGE: -7;
  EREQUEST: -8;
}>;
export type StatusCode = (typeof Status)[keyof typeof Status];

/** The name asked of the system loader when nothing else names the library. */
export declare const SYSTEM_LIBRARY_NAME: 'libretour.so.1';

/** Sizes of retour_error's character fields, as in include/retour.h. */
export declare const ERROR_FIELD_SIZES: Readonly<{ file: number; path: number; message: number }>;

export type Outcome = 'accept' | 'accept_goodwill' | 'partial' | 'review' | 'reject';
export type Basis = 'withdrawal_right' | 'shop_policy' | 'goodwill' | 'legal_guarantee' | 'commercial_guarantee';
/** The request type. */
export type RequestType = 'withdrawal' | 'complaint';
/** A remedy granted for an item (complaints and goodwill), retour_remedy without "none". */
export type Remedy =
  | 'repair'
  | 'replace'
  | 'refund'
  | 'price_reduction'
  | 'store_credit'
  | 'exchange'
  | 'partial_refund'
  | 'repair_discount';
export type Lang = 'en' | 'nl';
export type LibrarySource = 'argument' | 'env' | 'pkg-config' | 'system';

export interface LibraryOptions {
  /** Path (or file URL) of libretour.so; overrides RETOUR_LIBRARY, pkg-config and the loader. */
  library?: string | URL;
}

export interface FromStringOptions extends LibraryOptions {
  /** Name used in errors and reason sources; "<string>" when absent. */
  name?: string;
}

export interface EvaluateOptions {
  /** Language of the reason messages; "en" by default. */
  lang?: Lang;
  /** Leave the reasons' messages out (codes, sources and citations stay): the bytes of
   *  `retour eval --format json --compact`. */
  compact?: boolean;
}

export interface ManyOptions extends EvaluateOptions {
  /** 'throw' (default): a request that fails throws its RequestError (with index);
   *  'return': the error takes the request's place in the results. */
  errors?: 'throw' | 'return';
  /** Requests per call into the library; BATCH_SIZE (256) by default. */
  batchSize?: number;
}

/** The verdict of a request, with the names of the library's verdict JSON. */
export interface Verdict {
  readonly outcome: Outcome;
  /** The code of the reason that decided, or null. */
  readonly deciding_reason: string | null;
  /** "YYYY-MM-DD", or null (a complaint has none). */
  readonly withdrawal_deadline: string | null;
}

/** Requests per call of evaluateMany(), evaluateIter() and verdictMany(). */
export declare const BATCH_SIZE: 256;
/** The ways to point the binding at the library, the end of every "not found" message. */
export declare const HOW_TO_POINT: string;
/** How to install the binding with koffi, in the error thrown when koffi is missing. */
export declare const INSTALL_HINT: string;

/** Why part of a decision came out as it did. */
export interface Reason {
  /** Stable snake_case code, e.g. "excluded_unsealed_hygiene"; branch on this. */
  readonly code: string;
  /** A sentence for people, in the requested language; null in a compact decision. */
  readonly message: string | null;
  /** "file:line:column" of the policy node that decided, or null. */
  readonly source: string | null;
  /** The legal citation when the law decided, or null. */
  readonly law: string | null;
}

/** Money as decimal strings in the policy's currency ("503.95"). */
export interface Refund {
  readonly amount: string;
  /** The same amount in minor units (cents), exact. */
  readonly amountMinor: bigint;
  readonly items: string;
  readonly deductions: string;
  readonly outboundShipping: string;
  /** Store credit granted by goodwill, not part of the refund ("0.00" when none). */
  readonly storeCredit: string;
  /** ISO 4217 code, e.g. "EUR". */
  readonly currency: string;
}

export interface DecisionItem {
  readonly index: number;
  readonly sku: string;
  /** The category that applied, or null for ordinary goods. */
  readonly category: string | null;
  readonly outcome: Outcome;
  readonly refund: string;
  readonly deduction: string;
  /** The remedy granted (complaints and goodwill), or null. */
  readonly remedy: Remedy | null;
  /** Percentage of a partial refund or repair discount ("50.00"), or null. */
  readonly remedyPercent: string | null;
  readonly reasons: readonly Reason[];
}

/** A decision, built from the library's canonical JSON (parsed when a field is first
 *  read). Immutable. */
export declare class Decision {
  constructor(json: string);
  readonly outcome: Outcome;
  readonly basis: Basis;
  /** The request type: "withdrawal" or "complaint". */
  readonly type: RequestType;
  readonly refund: Refund;
  /** Store credit granted by goodwill, "0.00" when none (the same as refund.storeCredit). */
  readonly storeCredit: string;
  /** Dates as "YYYY-MM-DD", or null when they do not apply (a complaint has none). */
  readonly withdrawalDeadline: string | null;
  readonly returnBy: string | null;
  readonly refundBy: string | null;
  /** How the dates are counted: "calendar_days", "weekends" or "weekends_and_nl_holidays"
   *  (also _de_, _be_, _fr_); a last day on a weekend or holiday moves to the next working day. */
  readonly calendar: string;
  readonly returnShipping: 'customer' | 'shop';
  /** Reasons about the whole request. */
  readonly reasons: readonly Reason[];
  /** One entry per request item, in request order, with the item's own reasons. */
  readonly items: readonly DecisionItem[];
  /** The exact text of `retour eval --format json`, without the trailing newline. */
  json(): string;
  /** The library's snake_case structure, for JSON.stringify(). */
  toJSON(): unknown;
}

export interface PolicyErrorFields {
  code?: number;
  file?: string;
  line?: number;
  column?: number;
  offset?: number;
  path?: string;
  formatted?: string;
}

/** A policy the library refused (and the base class of RequestError). */
export declare class PolicyError extends Error {
  constructor(message: string, fields?: PolicyErrorFields);
  /** The negative retour_status, e.g. Status.ESCHEMA (-5). */
  readonly code: number;
  /** The status name, e.g. "RETOUR_ESCHEMA". */
  readonly status: string;
  /** The file, the name given to fromString(), or "<request>"; "" when unknown. */
  readonly file: string;
  /** 1-based; 0 when the error is not tied to a place. */
  readonly line: number;
  readonly column: number;
  /** 0-based byte offset in the input. */
  readonly offset: number;
  /** Key path such as "withdrawal.dayz" or "items[0].price"; "" for the whole document. */
  readonly path: string;
  /** "file:line:col: error: path: message", as the CLI prints it. */
  readonly formatted: string;
}

/** A request that could not be parsed, or not decided against the policy. */
export declare class RequestError extends PolicyError {
  /** From evaluateMany() and its kin: the position of the request; else undefined. */
  index?: number;
}

type Request = object | string | Uint8Array;

/** A loaded, validated return policy. Immutable in C; free it with close(). */
export declare class Policy {
  private constructor();
  /** Loads and validates a policy file. Throws PolicyError. */
  static fromFile(path: string | URL, options?: LibraryOptions): Policy;
  /** Loads and validates policy YAML. Throws PolicyError. */
  static fromString(text: string | Uint8Array, options?: FromStringOptions): Policy;
  /**
   * Decides a request: an object (serialised with JSON.stringify) or YAML/JSON text.
   * Synchronous. Throws RequestError, or PolicyError when the policy is closed.
   */
  evaluate(request: Request, options?: EvaluateOptions): Decision;
  /** The decision's JSON text, without a Decision. */
  evaluateJson(request: Request, options?: EvaluateOptions): string;
  /** outcome, deciding_reason and withdrawal_deadline, for hot paths. */
  verdict(request: Request): Verdict;
  /** Decides requests batchSize at a time, one call into the library per batch. */
  evaluateMany(requests: Iterable<Request>, options?: ManyOptions): Array<Decision | RequestError>;
  /** evaluateMany() as an iterator that reads the requests one batch at a time. */
  evaluateIter(requests: Iterable<Request>, options?: ManyOptions): IterableIterator<Decision | RequestError>;
  /** The verdicts of requests, one call per batch. */
  verdictMany(requests: Iterable<Request>, options?: Omit<ManyOptions, 'lang' | 'compact'>): Array<Verdict | RequestError>;
  /** The same three under the names of issue 22. */
  evaluate_many(requests: Iterable<Request>, options?: ManyOptions): Array<Decision | RequestError>;
  evaluate_iter(requests: Iterable<Request>, options?: ManyOptions): IterableIterator<Decision | RequestError>;
  verdict_many(requests: Iterable<Request>, options?: Omit<ManyOptions, 'lang' | 'compact'>): Array<Verdict | RequestError>;
  /** Frees the policy now; safe to call more than once. */
  close(): void;
  [Symbol.dispose](): void;
  readonly closed: boolean;
  /** The file path, or the name given to fromString(). */
  readonly name: string;
  readonly shop: string;
  readonly jurisdiction: string;
  readonly currency: string;
  readonly currencyDecimals: number;
  readonly library: { path: string; source: LibrarySource };
}

/** Which library would be loaded, without loading it. */
export declare function resolveLibrary(explicit?: string | URL | null): { path: string; source: LibrarySource };
/** Loads (once) and describes the library. */
export declare function library(options?: LibraryOptions): { path: string; source: LibrarySource; version: string };
/** The loaded library's version string, e.g. "0.1.0". */
export declare function version(options?: LibraryOptions): string;
/** The library's description of a status code. */
export declare function strerror(code: number, options?: LibraryOptions): string;
/** Policies loaded in this isolate and not yet freed (by close() or the GC). */
export declare function liveHandles(): number;

declare const _default: {
  Policy: typeof Policy;
  Decision: typeof Decision;
  PolicyError: typeof PolicyError;
  RequestError: typeof RequestError;
  Status: typeof Status;
  version: typeof version;
  strerror: typeof strerror;
  library: typeof library;
  resolveLibrary: typeof resolveLibrary;
  liveHandles: typeof liveHandles;
  HOW_TO_POINT: typeof HOW_TO_POINT;
  INSTALL_HINT: typeof INSTALL_HINT;
  BATCH_SIZE: typeof BATCH_SIZE;
};
export default _default;
