/**
 * Readers and writers of single link values. Each reader turns a value's text into a `Read`: the
 * value (with a note when it had to be adjusted) or a message saying why not, so one bad field
 * can fall back alone and be named. Nothing here knows any instrument.
 */
import { z } from 'zod';

// zod's JIT probes `new Function('')`, which a strict Content-Security-Policy reports as a
// violation on every load; the interpreted path reads a link just as well.
z.config({ jitless: true });

/** A field read from its string: a value (with a note when it had to be adjusted) or why not. */
export type Read<T> = { ok: true; value: T; note?: string } | { ok: false; message: string };

/** Reads a value's text; whatever it rejects becomes a message. */
export type Reader<T> = z.ZodType<Read<T>, string>;

export const read = <T>(value: T, note?: string): Read<T> =>
  note === undefined ? { ok: true, value } : { ok: true, value, note };

// Caps keep a hostile or mangled link cheap to read and its notice short enough to read.
export const MAX_VALUE_LENGTH = 2_000;
export const MAX_QUOTE = 24;

/**
 * Significant digits a link keeps of a number that is not whole: as many as every control shows
 * (src/ui/format.ts, `.6~g`), so a link says `tau=12.0226`, not the slider's 12.02264434617413.
 * Whole numbers (seeds, steps) keep every digit.
 */
export const LINK_DIGITS = 6;

/** x as a link restores it: whole numbers as they are, others to LINK_DIGITS significant digits. */
export const roundForLink = (x: number): number =>
  Number.isInteger(x) || !Number.isFinite(x) ? x + 0 : Number(x.toPrecision(LINK_DIGITS)) + 0;

/** Shortest text of x at link precision; -0 is written as 0 so links stay tidy. */
export const writeNumber = (x: number): string => String(roundForLink(x));
export const writeVector = (v: readonly number[]): string => v.map(writeNumber).join(',');

/** Input echoed into a notice is shortened, so a 10 kB junk value cannot flood the page. */
export function quote(s: unknown): string {
  const text = typeof s === 'string' ? s : String(s);
  if (text === '') return 'an empty value';
  const short = text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE)}…` : text;
  return `"${short}"`;
}

export const range = (min: number, max: number): string => `[${min}, ${max}]`;

/**
 * One URL value, absent or read on its own. (safeParse rather than `.catch`, because only a
 * finished parse has the readable messages.)
 */
export function readValue<T>(reader: Reader<T>, input: unknown): Read<T> | undefined {
  if (input === undefined) return undefined;
  if (typeof input !== 'string') return { ok: false, message: 'is not text' };
  if (input.length > MAX_VALUE_LENGTH) {
    return {
      ok: false,
      message: `is ${input.length} characters long (values over ${MAX_VALUE_LENGTH} are not read)`,
    };
  }
  const r = reader.safeParse(input);
  if (r.success) return r.data;
  return { ok: false, message: r.error.issues[0]?.message ?? `${quote(input)} is not valid` };
}

// The grammar is explicit (no hex, no `_`, no "Infinity") and has no ambiguous repetition, so a
// long run of digits cannot make it backtrack.
const NUMBER_SYNTAX = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const INTEGER_SYNTAX = /^\d+$/;

export const finiteNumber = z
  .string()
  .trim()
  .regex(NUMBER_SYNTAX, { error: (iss) => `${quote(iss.input)} is not a number` })
  .transform((s, ctx) => {
    const x = Number(s);
    if (Number.isFinite(x)) return x + 0; // -0 + 0 is 0: a link never restores a negative zero
    ctx.addIssue({ code: 'custom', message: `${quote(s)} is too large to be used` });
    return z.NEVER;
  });

export const wholeNumber = (what: string) =>
  z
    .string()
    .trim()
    .regex(INTEGER_SYNTAX, { error: (iss) => `${quote(iss.input)} is not ${what}` })
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .max(Number.MAX_SAFE_INTEGER, { error: `is too large for ${what}` }),
    );

export interface VectorLimits {
  /** Entries outside [-abs, abs] are clamped. */
  abs: number;
  minLength: number;
  maxLength: number;
  /** What the length is called in the message ("K"). */
  lengthName: string;
}

/** A vector of numbers in [-abs, abs]; entries outside are clamped, and the note says which. */
export function vector(l: VectorLimits): Reader<number[]> {
  return z.string().transform((s, ctx): Read<number[]> => {
    // Entries are checked before the count, so "z=abc" says "not a number", not "1 entry".
    const parts = s.split(',');
    const values: number[] = [];
    const clamped: string[] = [];
    for (const [i, part] of parts.entries()) {
      const r = finiteNumber.safeParse(part);
      if (!r.success) {
        const why = r.error.issues[0]?.message ?? `${quote(part)} is not a number`;
        const where = parts.length === 1 ? '' : `entry ${i + 1}: `;
        ctx.addIssue({ code: 'custom', message: `${where}${why}` });
        return z.NEVER;
      }
      const x = Math.min(l.abs, Math.max(-l.abs, r.data));
      if (x !== r.data) clamped.push(`${writeNumber(r.data)} → ${writeNumber(x)}`);
      values.push(x);
    }
    if (values.length < l.minLength || values.length > l.maxLength) {
      const n = values.length;
      ctx.addIssue({
        code: 'custom',
        message: `has ${n} ${n === 1 ? 'entry' : 'entries'}; ${l.lengthName} must be from ${l.minLength} to ${l.maxLength}`,
      });
      return z.NEVER;
    }
    if (clamped.length === 0) return read(values);
    const shown = clamped.slice(0, 3).join(', ') + (clamped.length > 3 ? ', …' : '');
    return read(
      values,
      `entries outside ${range(-l.abs, l.abs)} were clamped to the nearest valid value (${shown})`,
    );
  });
}

/**
 * A positive number in [min, max]. Outside it is clamped, but zero and below are rejected: the
 * nearest valid value would be a meaningless tiny step, so the fallback serves better.
 */
export function positive(min: number, max: number): Reader<number> {
  return finiteNumber.transform((x, ctx): Read<number> => {
    if (x <= 0) {
      ctx.addIssue({ code: 'custom', message: `${writeNumber(x)} is not positive` });
      return z.NEVER;
    }
    return clampedRead(x, min, max);
  });
}

/** A number in [min, max] (any sign); outside it is clamped to the nearest valid value. */
export function between(min: number, max: number): Reader<number> {
  return finiteNumber.transform((x): Read<number> => clampedRead(x, min, max));
}

/** A whole number in [min, max]; outside it is clamped to the nearest valid value, with a note. */
export function wholeInRange(min: number, max: number, what: string): Reader<number> {
  return wholeNumber(what).transform((x): Read<number> => clampedRead(x, min, max));
}

function clampedRead(x: number, min: number, max: number): Read<number> {
  const c = Math.min(max, Math.max(min, x));
  return c === x
    ? read(x)
    : read(c, `${writeNumber(x)} is outside ${range(min, max)}; clamped to ${writeNumber(c)}`);
}

export function oneOf<T extends string>(values: readonly T[], what: string): Reader<T> {
  return z
    .string()
    .trim()
    .transform((s, ctx): Read<T> => {
      const hit = values.find((v) => v === s);
      if (hit !== undefined) return read(hit);
      ctx.addIssue({
        code: 'custom',
        message: `${quote(s)} is not ${what} (choose ${values.join(', ')})`,
      });
      return z.NEVER;
    });
}

const BOOLEANS: Readonly<Record<string, boolean>> = {
  '1': true,
  true: true,
  '0': false,
  false: false,
};

export const booleanReader: Reader<boolean> = z
  .string()
  .trim()
  .transform((s, ctx): Read<boolean> => {
    const b = Object.hasOwn(BOOLEANS, s.toLowerCase()) ? BOOLEANS[s.toLowerCase()] : undefined;
    if (b !== undefined) return read(b);
    ctx.addIssue({ code: 'custom', message: `${quote(s)} is not 1, 0, true or false` });
    return z.NEVER;
  });

export const accept = <T>(reader: z.ZodType<T, string>): Reader<T> =>
  reader.transform((value) => read(value));
