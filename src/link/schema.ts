/**
 * A view's link schema: one declarative table of fields (reader, writer, default, the doc and
 * range the README prints) plus, where a field depends on others, its own resolve rule. Fields
 * resolve lazily in table order: a rule that needs another field asks for it, so the notice
 * names problems in the order a person would fix them (z before the a that follows it).
 */
import { readValue, roundForLink, writeNumber, type Read, type Reader } from './read';

/** `message` is shown to a person: it says what was wrong and what was used instead. */
export interface ParamIssue {
  param: string;
  message: string;
}

export interface FieldDoc {
  /** What the key means, one line for the README's table. */
  meaning: string;
  /** Default and valid range as a person reads them. */
  range: string;
}

export interface FieldSpec<T> extends FieldDoc {
  reader: Reader<T>;
  write: (value: T) => string;
  default: T;
  /**
   * A cross-field rule: the value from what was read (`f`), the previous value and the fields
   * it depends on. Without it a field settles on its own: what was read, else the previous value.
   */
  resolve?: (f: Read<T> | undefined, ctx: ResolveContext) => T;
}

/** A key that is read but never written (e.g. `r`, which a link turns into `tau`). */
export interface InputSpec<T> extends FieldDoc {
  reader: Reader<T>;
}

export type FieldTable<P> = { readonly [K in keyof P]: FieldSpec<P[K]> };

export interface LinkSchema<P extends object> {
  fields: FieldTable<P>;
  inputs?: Readonly<Record<string, InputSpec<unknown>>>;
}

export interface ResolveContext {
  /** The resolved value of another field of the same view. */
  get: (key: string) => unknown;
  /** What an input-only key read as, if it was given. */
  input: (key: string) => Read<unknown> | undefined;
  /** The field's value before this read (the previous state, or the default). */
  previous: unknown;
  issues: ParamIssue[];
  /** Settles the field on its own, as a field without a rule would. */
  settle: (f: Read<unknown> | undefined) => unknown;
}

/** The table with its value types erased: the codec only moves values between its own specs. */
const specs = <P extends object>(
  schema: LinkSchema<P>,
): Readonly<Record<string, FieldSpec<unknown>>> =>
  schema.fields as unknown as Readonly<Record<string, FieldSpec<unknown>>>;

export const defaults = <P extends object>(schema: LinkSchema<P>): P =>
  Object.fromEntries(Object.entries(specs(schema)).map(([k, f]) => [k, f.default])) as P;

/** Names the value used in place of a bad one, written as a link would write it. */
export function fallbackText(written: string, defaultWritten: string): string {
  return written === defaultWritten ? `using the default ${written}` : `keeping ${written}`;
}

/** The value a field ends with: what was read, else `fallback`; a note or error becomes an issue. */
export function settle<T>(
  issues: ParamIssue[],
  param: string,
  f: Read<T> | undefined,
  fallback: T,
  fallbackPhrase: string,
): T {
  if (f === undefined) return fallback;
  if (!f.ok) {
    issues.push({ param, message: `${f.message}; ${fallbackPhrase}` });
    return fallback;
  }
  if (f.note !== undefined) issues.push({ param, message: f.note });
  return f.value;
}

/**
 * Resolves every field of a view from `entries` (only this view's keys) on top of `base`, in
 * table order, each field at most once.
 */
export function resolveFields<P extends object>(
  schema: LinkSchema<P>,
  base: P,
  entries: Readonly<Record<string, string>>,
  issues: ParamIssue[],
): P {
  const table = specs(schema);
  const previous = base as Readonly<Record<string, unknown>>;
  const done = new Map<string, unknown>();
  const inputs = new Map<string, Read<unknown> | undefined>();

  const input = (key: string): Read<unknown> | undefined => {
    const spec = schema.inputs?.[key];
    if (!spec || !Object.hasOwn(entries, key)) return undefined;
    if (!inputs.has(key)) inputs.set(key, readValue(spec.reader, entries[key]));
    return inputs.get(key);
  };

  const get = (key: string): unknown => {
    if (done.has(key)) return done.get(key);
    const spec = table[key];
    if (!spec) throw new Error(`no link field ${key}`);
    const f = Object.hasOwn(entries, key) ? readValue(spec.reader, entries[key]) : undefined;
    const prev = previous[key];
    const alone = (r: Read<unknown> | undefined) =>
      settle(issues, key, r, prev, fallbackText(spec.write(prev), spec.write(spec.default)));
    const value = spec.resolve
      ? spec.resolve(f, { get, input, previous: prev, issues, settle: alone })
      : alone(f);
    const kept = atLinkPrecision(value);
    done.set(key, kept);
    return kept;
  };

  for (const key of Object.keys(table)) get(key);
  // A value equal to the previous one keeps its identity, and so does the whole object when
  // nothing changed: a host's no-op "set" then triggers no recomputation downstream.
  let changed = false;
  const out = Object.fromEntries(
    Object.keys(table).map((k) => {
      const v = done.get(k);
      if (sameValue(v, previous[k])) return [k, previous[k]];
      changed = true;
      return [k, v];
    }),
  ) as P;
  return changed || Object.keys(previous).length !== Object.keys(table).length ? out : base;
}

/**
 * A value as its link writes it: numbers (alone or in a vector) at link precision, anything
 * else as it is. The state holds only such values, so what a page shows is what its link
 * restores — a slider's 12.02264434617413 becomes 12.0226 before anything is computed from it.
 */
export function atLinkPrecision<T>(value: T): T {
  if (typeof value === 'number') return roundForLink(value) as T;
  if (Array.isArray(value) && value.every((x) => typeof x === 'number')) {
    const rounded = value.map(roundForLink);
    return (rounded.every((x, i) => Object.is(x, value[i])) ? value : rounded) as T;
  }
  return value;
}

/** A patch of a view's params at link precision (see atLinkPrecision). */
export const patchAtLinkPrecision = <P extends object>(patch: P): P =>
  Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, atLinkPrecision(v)])) as P;

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
  }
  return false;
}

/** `key=value` parts for the fields that differ from their defaults, in table order. */
export function writeFields<P extends object>(schema: LinkSchema<P>, params: P): string[] {
  const parts: string[] = [];
  const values = params as Readonly<Record<string, unknown>>;
  for (const [key, spec] of Object.entries(specs(schema))) {
    const text = spec.write(values[key]);
    if (text !== spec.write(spec.default)) parts.push(`${key}=${text}`);
  }
  return parts;
}

/** `key=value` for every field, defaults included, as a link writes them (for captions). */
export const describeFields = <P extends object>(schema: LinkSchema<P>, params: P): string[] =>
  Object.entries(specs(schema)).map(
    ([key, spec]) => `${key}=${spec.write((params as Readonly<Record<string, unknown>>)[key])}`,
  );

/** Every key a view reads: its fields and its input-only keys. */
export const schemaKeys = <P extends object>(schema: LinkSchema<P>): string[] => [
  ...Object.keys(schema.fields),
  ...Object.keys(schema.inputs ?? {}),
];

// ───────────────────── building blocks for field tables ─────────────────────

/** A field written as its own text (choices) or as the shortest round-tripping number. */
export const field = <T>(
  reader: Reader<T>,
  write: (value: T) => string,
  def: T,
  doc: FieldDoc,
  resolve?: FieldSpec<T>['resolve'],
): FieldSpec<T> =>
  resolve === undefined
    ? { reader, write, default: def, ...doc }
    : { reader, write, default: def, ...doc, resolve };

export const numberField = (reader: Reader<number>, def: number, doc: FieldDoc) =>
  field(reader, writeNumber, def, doc);

export const choiceField = <T extends string>(reader: Reader<T>, def: T, doc: FieldDoc) =>
  field(reader, (v: T) => v, def, doc);
