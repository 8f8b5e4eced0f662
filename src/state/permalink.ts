/**
 * The permalink codec: URL query ⇄ AppParams. The same validation serves a host page's
 * postMessage "set parameters", so a slide deck cannot put the app in a state a link could not.
 *
 * Reading never throws and never gives up on a whole link: every parameter is read on its own
 * (a zod schema per field that turns any failure into a message), so a bad one falls back alone —
 * to the nearest valid value when there is one, else to the value it would have had — and is
 * named in a ParamIssue.
 */
import { z } from 'zod';
import { rhoA } from '../instruments/ghosts/science';
import {
  COLOR_MODES,
  DATA_SETS,
  DEFAULT_PARAMS,
  DIRECTIONS,
  TRAIN_ON,
  GHOSTS_MODES,
  GHOSTS_LIMITS as L,
  LINK_VERSION,
  PLANNED_VIEWS,
  THEMES,
  VIEWS,
  type AppParams,
  type ColorMode,
  type DataSetId,
  type DirectionId,
  type TrainOnId,
  type GhostsMode,
  type GhostsParams,
  type ParamIssue,
  type Theme,
  type ViewId,
} from './params';

export interface ParseResult {
  params: AppParams;
  issues: ParamIssue[];
}

// Caps keep a hostile or mangled link cheap to read and its notice short enough to read.
const MAX_QUERY_LENGTH = 100_000;
const MAX_ENTRIES = 100;
const MAX_VALUE_LENGTH = 2_000;
const MAX_ISSUES = 10;
const MAX_QUOTE = 24;

// ───────────────────────────── versions ─────────────────────────────

/**
 * A link's raw entries are migrated one version at a time before validation, so old links keep
 * working: LINK_MIGRATIONS[n - 1] turns a version-n link into a version-(n + 1) link. A version 2
 * bumps LINK_VERSION and appends one function here.
 */
export type LinkMigration = (
  entries: Record<string, string>,
  issues: ParamIssue[],
) => Record<string, string>;

export const LINK_MIGRATIONS: readonly LinkMigration[] = [];

function migrate(
  entries: Record<string, string>,
  from: number,
  issues: ParamIssue[],
): Record<string, string> {
  let out = entries;
  for (let v = from; v < LINK_VERSION; v++) {
    const step = LINK_MIGRATIONS[v - 1];
    if (step) out = step(out, issues);
  }
  return out;
}

// ───────────────────────────── formatting ─────────────────────────────

/** Shortest text that parses back to exactly x; -0 is written as 0 so links stay tidy. */
const writeNumber = (x: number): string => (x === 0 ? '0' : String(x));
const writeVector = (v: readonly number[]): string => v.map(writeNumber).join(',');
const writeSpan = (s: number | null): string => (s === null ? 'auto' : writeNumber(s));

/** Input echoed into a notice is shortened, so a 10 kB junk value cannot flood the page. */
function quote(s: unknown): string {
  const text = typeof s === 'string' ? s : String(s);
  if (text === '') return 'an empty value';
  const short = text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE)}…` : text;
  return `"${short}"`;
}

const range = (min: number, max: number): string => `[${min}, ${max}]`;

// ───────────────────────────── field readers ─────────────────────────────

/** A field read from its string: a value (with a note when it had to be adjusted) or why not. */
type Read<T> = { ok: true; value: T; note?: string } | { ok: false; message: string };

const read = <T>(value: T, note?: string): Read<T> =>
  note === undefined ? { ok: true, value } : { ok: true, value, note };

/**
 * One URL parameter, absent or read on its own: whatever the reader rejects becomes a message
 * instead of a failed parse of the whole link, which is what lets one bad field fall back alone.
 * (safeParse rather than `.catch`, because only a finished parse has the readable messages.)
 */
function field<T>(reader: z.ZodType<Read<T>, string>) {
  return z
    .unknown()
    .transform((input): Read<T> | undefined => {
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
    })
    .optional();
}

// The grammar is explicit (no hex, no `_`, no "Infinity") and has no ambiguous repetition, so a
// long run of digits cannot make it backtrack.
const NUMBER_SYNTAX = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const INTEGER_SYNTAX = /^\d+$/;

const finiteNumber = z
  .string()
  .trim()
  .regex(NUMBER_SYNTAX, { error: (iss) => `${quote(iss.input)} is not a number` })
  .transform((s, ctx) => {
    const x = Number(s);
    if (Number.isFinite(x)) return x + 0; // -0 + 0 is 0: a link never restores a negative zero
    ctx.addIssue({ code: 'custom', message: `${quote(s)} is too large to be used` });
    return z.NEVER;
  });

const wholeNumber = (what: string) =>
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

/** A vector of K numbers in [-abs, abs]; entries outside are clamped, and the note says which. */
function vector(abs: number): z.ZodType<Read<number[]>, string> {
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
      const x = Math.min(abs, Math.max(-abs, r.data));
      if (x !== r.data) clamped.push(`${writeNumber(r.data)} → ${writeNumber(x)}`);
      values.push(x);
    }
    if (values.length < L.kMin || values.length > L.kMax) {
      const n = values.length;
      ctx.addIssue({
        code: 'custom',
        message: `has ${n} ${n === 1 ? 'entry' : 'entries'}; K must be from ${L.kMin} to ${L.kMax}`,
      });
      return z.NEVER;
    }
    if (clamped.length === 0) return read(values);
    const shown = clamped.slice(0, 3).join(', ') + (clamped.length > 3 ? ', …' : '');
    return read(
      values,
      `entries outside ${range(-abs, abs)} were clamped to the nearest valid value (${shown})`,
    );
  });
}

/**
 * A positive number in [min, max]. Outside it is clamped, but zero and below are rejected: the
 * nearest valid value would be a meaningless tiny step, so the fallback serves better.
 */
function positive(min: number, max: number): z.ZodType<Read<number>, string> {
  return finiteNumber.transform((x, ctx): Read<number> => {
    if (x <= 0) {
      ctx.addIssue({ code: 'custom', message: `${writeNumber(x)} is not positive` });
      return z.NEVER;
    }
    const c = Math.min(max, Math.max(min, x));
    return c === x
      ? read(x)
      : read(c, `${writeNumber(x)} is outside ${range(min, max)}; clamped to ${writeNumber(c)}`);
  });
}

/** A whole number in [min, max]; outside it is clamped to the nearest valid value, with a note. */
function wholeInRange(min: number, max: number, what: string): z.ZodType<Read<number>, string> {
  return wholeNumber(what).transform((x): Read<number> => {
    const c = Math.min(max, Math.max(min, x));
    return c === x
      ? read(x)
      : read(c, `${writeNumber(x)} is outside ${range(min, max)}; clamped to ${writeNumber(c)}`);
  });
}

function oneOf<T extends string>(values: readonly T[], what: string): z.ZodType<Read<T>, string> {
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

const viewReader = z
  .string()
  .trim()
  .transform((s, ctx): Read<ViewId> => {
    const view = VIEWS.find((v) => v === s);
    if (view !== undefined) return read(view);
    const planned = PLANNED_VIEWS.some((v) => v === s);
    ctx.addIssue({
      code: 'custom',
      message: planned
        ? `${quote(s)} is not available yet`
        : `${quote(s)} is not a view (views: ${VIEWS.join(', ')})`,
    });
    return z.NEVER;
  });

const BOOLEANS: Readonly<Record<string, boolean>> = {
  '1': true,
  true: true,
  '0': false,
  false: false,
};

const booleanReader = z
  .string()
  .trim()
  .transform((s, ctx): Read<boolean> => {
    const b = Object.hasOwn(BOOLEANS, s.toLowerCase()) ? BOOLEANS[s.toLowerCase()] : undefined;
    if (b !== undefined) return read(b);
    ctx.addIssue({ code: 'custom', message: `${quote(s)} is not 1, 0, true or false` });
    return z.NEVER;
  });

const spanReader = z.string().transform((s, ctx): Read<number | null> => {
  if (s.trim().toLowerCase() === 'auto') return read(null);
  const r = positive(L.spanMin, L.spanMax).safeParse(s);
  if (r.success) return r.data;
  ctx.addIssue({
    code: 'custom',
    message: `${r.error.issues[0]?.message ?? quote(s)} (or "auto" for an automatic window)`,
  });
  return z.NEVER;
});

const accept = <T>(reader: z.ZodType<T, string>): z.ZodType<Read<T>, string> =>
  reader.transform((value) => read(value));

// ───────────────────────────── schemas ─────────────────────────────

/** Keys of the app itself, common to every view. */
const appSchema = z.object({
  v: field(accept(wholeNumber('a link version'))),
  view: field(viewReader),
  embed: field(booleanReader),
  theme: field(oneOf<Theme>(THEMES, 'a theme')),
});

const ghostsSchema = z.object({
  z: field(vector(L.zAbs)),
  a: field(vector(L.aAbs)),
  y: field(accept(wholeNumber('a class index (a whole number from 0)'))),
  tau: field(positive(L.tauMin, L.tauMax)),
  // Input only: a step given relative to the safe radius, written back as tau.
  r: field(positive(L.rMin, L.rMax)),
  span: field(spanReader),
  color: field(oneOf<ColorMode>(COLOR_MODES, 'a colour mode')),
  n: field(
    wholeInRange(L.nMin, L.nMax, `a Taylor order (a whole number from ${L.nMin} to ${L.nMax})`),
  ),
  T: field(positive(L.tempMin, L.tempMax)),
  mode: field(oneOf<GhostsMode>(GHOSTS_MODES, 'a mode')),
  seed: field(wholeInRange(0, L.seedMax, `a seed (a whole number from 0 to ${L.seedMax})`)),
  data: field(oneOf<DataSetId>(DATA_SETS, 'a data set')),
  dir: field(oneOf<DirectionId>(DIRECTIONS, 'a direction')),
  lr: field(positive(L.lrMin, L.lrMax)),
  train: field(oneOf<TrainOnId>(TRAIN_ON, 'a training backend (auto or cpu)')),
  at: field(wholeInRange(0, L.atMax, `a step (a whole number from 0 to ${L.atMax})`)),
  spike: field(positive(L.spikeMin, L.spikeMax)),
  hold: field(wholeInRange(0, L.holdMax, `a step count (a whole number from 0 to ${L.holdMax})`)),
  step: field(wholeInRange(0, L.stepMax, `a step (a whole number from 0 to ${L.stepMax})`)),
});

type AppFields = z.output<typeof appSchema>;
type GhostsFields = z.output<typeof ghostsSchema>;

const KNOWN_KEYS: ReadonlySet<string> = new Set([
  ...Object.keys(appSchema.shape),
  ...Object.keys(ghostsSchema.shape),
]);

// ───────────────────────────── resolving ─────────────────────────────

/** Names the value used in place of a bad one, written as a link would write it. */
function fallbackText(written: string, defaultWritten: string): string {
  return written === defaultWritten ? `using the default ${written}` : `keeping ${written}`;
}

/** The value a field ends with: what was read, else `fallback`; a note or error becomes an issue. */
function settle<T>(
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

function resolveApp(base: AppParams, f: AppFields, issues: ParamIssue[]) {
  const d = DEFAULT_PARAMS;
  return {
    view: settle(issues, 'view', f.view, base.view, `showing ${base.view}`),
    embed: settle(
      issues,
      'embed',
      f.embed,
      base.embed,
      fallbackText(base.embed ? '1' : '0', d.embed ? '1' : '0'),
    ),
    theme: settle(issues, 'theme', f.theme, base.theme, fallbackText(base.theme, d.theme)),
  };
}

function resolveGhosts(base: GhostsParams, f: GhostsFields, issues: ParamIssue[]): GhostsParams {
  const d = DEFAULT_PARAMS.ghosts;
  const vecFallback = (v: number[], def: number[]) =>
    fallbackText(writeVector(v), writeVector(def));

  const zv = settle(issues, 'z', f.z, [...base.z], vecFallback(base.z, d.z));
  const k = zv.length;

  // z decides K: it is the vector a person edits first, and a follows it.
  let av = settle(issues, 'a', f.a, [...base.a], vecFallback(base.a, d.a));
  if (av.length !== k) {
    const n = Math.abs(av.length - k);
    const action =
      av.length > k
        ? `dropped the last ${n === 1 ? 'entry' : `${n} entries`}`
        : `padded with ${n === 1 ? 'a zero' : `${n} zeros`}`;
    issues.push({
      param: 'a',
      message: `has ${av.length} entries but z has ${k}; ${action}`,
    });
    av = av.length > k ? av.slice(0, k) : [...av, ...Array<number>(k - av.length).fill(0)];
  }

  const yFallback = base.y < k ? base.y : 0;
  // An absent y keeps base's even when it no longer fits, so the check below can name it.
  let y =
    f.y === undefined
      ? base.y
      : settle(issues, 'y', f.y, yFallback, fallbackText(String(yFallback), String(d.y)));
  if (y >= k) {
    issues.push({
      param: 'y',
      message: `class ${y} does not exist when K = ${k} (classes 0 to ${k - 1}); using 0`,
    });
    y = 0;
  }

  const temperature = settle(
    issues,
    'T',
    f.T,
    base.T,
    fallbackText(writeNumber(base.T), writeNumber(d.T)),
  );

  let tau = settle(
    issues,
    'tau',
    f.tau,
    base.tau,
    fallbackText(writeNumber(base.tau), writeNumber(d.tau)),
  );
  if (f.r !== undefined) {
    tau = resolveR(f.r, f.tau !== undefined, av, temperature, tau, issues);
  }

  const span = settle(
    issues,
    'span',
    f.span,
    base.span,
    base.span === null
      ? 'using an automatic window'
      : fallbackText(writeSpan(base.span), writeSpan(d.span)),
  );
  const color = settle(issues, 'color', f.color, base.color, fallbackText(base.color, d.color));
  const n = settle(issues, 'n', f.n, base.n, fallbackText(writeNumber(base.n), writeNumber(d.n)));

  const word = <T extends string>(
    key: 'mode' | 'data' | 'dir' | 'train',
    fv: Read<T> | undefined,
    b: T,
    dv: T,
  ) => settle(issues, key, fv, b, fallbackText(b, dv));
  const num = (key: 'seed' | 'lr' | 'at' | 'spike' | 'hold' | 'step') =>
    settle(
      issues,
      key,
      f[key],
      base[key],
      fallbackText(writeNumber(base[key]), writeNumber(d[key])),
    );

  return {
    z: zv,
    a: av,
    y,
    tau,
    span,
    color,
    n,
    T: temperature,
    mode: word('mode', f.mode, base.mode, d.mode),
    seed: num('seed'),
    data: word('data', f.data, base.data, d.data),
    dir: word('dir', f.dir, base.dir, d.dir),
    lr: num('lr'),
    train: word('train', f.train, base.train, d.train),
    at: num('at'),
    spike: num('spike'),
    hold: num('hold'),
    step: num('step'),
  };
}

/**
 * r = τ/ρ_a (SPEC Def. 5.1) is read against the final a and temperature (ρ_a(T) = πT/Δ_a), so it
 * means what the picture shows.
 */
function resolveR(
  r: Read<number>,
  tauGiven: boolean,
  a: readonly number[],
  temperature: number,
  tau: number,
  issues: ParamIssue[],
): number {
  const keep = `using tau ${writeNumber(tau)}`;
  if (tauGiven) {
    issues.push({ param: 'r', message: `ignored because tau is also given; ${keep}` });
    return tau;
  }
  if (!r.ok) {
    issues.push({ param: 'r', message: `${r.message}; ${keep}` });
    return tau;
  }
  if (r.note !== undefined) issues.push({ param: 'r', message: r.note });
  const rho = rhoA(a, temperature);
  if (!Number.isFinite(rho)) {
    issues.push({
      param: 'r',
      message: `needs a with two different entries (ρ_a is infinite when all are equal); ${keep}`,
    });
    return tau;
  }
  const wanted = r.value * rho;
  const clamped = Math.min(L.tauMax, Math.max(L.tauMin, wanted));
  if (clamped !== wanted) {
    issues.push({
      param: 'r',
      message: `gives tau ${writeNumber(wanted)}, outside ${range(L.tauMin, L.tauMax)}; clamped to ${writeNumber(clamped)}`,
    });
  }
  return clamped;
}

/** Reads `v`; a missing version is the current one, so hand-written links need not say it. */
function readVersion(f: AppFields['v'], issues: ParamIssue[]): number {
  if (f === undefined) return LINK_VERSION;
  if (!f.ok || f.value < 1) {
    const why = f.ok ? `${f.value} is not a link version` : f.message;
    issues.push({ param: 'v', message: `${why}; reading it as version ${LINK_VERSION}` });
    return LINK_VERSION;
  }
  if (f.value > LINK_VERSION) {
    issues.push({
      param: 'v',
      message:
        `this link was made by a newer version of Softmax Atlas (link version ${f.value}; ` +
        `this page reads version ${LINK_VERSION}); what this version understands was used`,
    });
    return LINK_VERSION;
  }
  return f.value;
}

/** Names a key for a notice; a key of junk is cut short like a value. */
function keyName(key: string): string {
  return key === '' ? '(empty name)' : key.length > MAX_QUOTE ? `${key.slice(0, MAX_QUOTE)}…` : key;
}

function applyEntries(
  base: AppParams,
  entries: Record<string, string>,
  issues: ParamIssue[],
): AppParams {
  const given = Object.hasOwn(entries, 'v') ? entries['v'] : undefined;
  const version = readVersion(appSchema.shape.v.parse(given), issues);
  const migrated = migrate(entries, version, issues);

  // Only known keys reach the schemas, so odd names ("__proto__", "constructor") stay inert.
  const known: Record<string, string> = {};
  let count = 0;
  for (const [key, value] of Object.entries(migrated)) {
    if (++count > MAX_ENTRIES) {
      issues.push({
        param: 'link',
        message: `has more than ${MAX_ENTRIES} parameters; the rest were not read`,
      });
      break;
    }
    if (KNOWN_KEYS.has(key)) {
      known[key] = value;
    } else {
      const lower = key.toLowerCase();
      const other = [...KNOWN_KEYS].find((k) => k !== key && k.toLowerCase() === lower);
      const hint =
        other === undefined
          ? ''
          : other === lower
            ? ` (parameter names are lower case: ${lower})`
            : ` (did you mean ${other}?)`;
      issues.push({
        param: keyName(key),
        message: `is not a parameter of this page${hint}; ignored`,
      });
    }
  }

  const app = resolveApp(base, appSchema.parse(known), issues);
  const ghosts = resolveGhosts(base.ghosts, ghostsSchema.parse(known), issues);
  return { ...app, ghosts };
}

/** Long lists of problems are cut to the first few and a count, so the notice stays readable. */
function capIssues(issues: ParamIssue[]): ParamIssue[] {
  if (issues.length <= MAX_ISSUES) return issues;
  const shown = issues.slice(0, MAX_ISSUES - 1);
  const rest = issues.length - shown.length;
  return [...shown, { param: '…', message: `and ${rest} more problems not listed` }];
}

function guarded(
  base: AppParams,
  baseName: string,
  run: (issues: ParamIssue[]) => AppParams,
): ParseResult {
  const issues: ParamIssue[] = [];
  try {
    return { params: run(issues), issues: capIssues(issues) };
  } catch (error) {
    // Unreachable by design; kept because a throw here would leave the page blank.
    console.error('softmax-atlas: a link could not be read', error);
    return {
      params: base,
      issues: [{ param: 'link', message: `could not be read; using ${baseName}` }],
    };
  }
}

// ───────────────────────────── public API ─────────────────────────────

/**
 * Validates parameters from a host page (keys and values as in a link) on top of `base`: keys not
 * given keep base's values, and a bad value keeps base's value (or is clamped to the nearest valid
 * one). `v` may be given, as in a link.
 */
export function applyParams(base: AppParams, entries: Record<string, string>): ParseResult {
  return guarded(base, 'the previous parameters', (issues) => applyEntries(base, entries, issues));
}

/**
 * Reads `location.search` (with or without its `?`). A `+` is read as a plus sign, not a space:
 * in these links it only ever appears in numbers (`1e+3`, `+2`).
 */
export function parsePermalink(search: string): ParseResult {
  return guarded(DEFAULT_PARAMS, 'the defaults', (issues) => {
    let query = search.startsWith('?') ? search.slice(1) : search;
    if (query.length > MAX_QUERY_LENGTH) {
      issues.push({
        param: 'link',
        message: `is ${query.length} characters long; only the first ${MAX_QUERY_LENGTH} were read`,
      });
      query = query.slice(0, MAX_QUERY_LENGTH);
    }
    const entries = new Map<string, string>();
    const repeated = new Set<string>();
    let count = 0;
    for (const segment of query.split('&')) {
      if (segment === '') continue; // `?&a=1&` is a harmless editing leftover
      if (++count > MAX_ENTRIES) {
        issues.push({
          param: 'link',
          message: `has more than ${MAX_ENTRIES} parameters; the rest were not read`,
        });
        break;
      }
      const eq = segment.indexOf('=');
      const key = decode(eq < 0 ? segment : segment.slice(0, eq));
      const value = eq < 0 ? '' : decode(segment.slice(eq + 1));
      if (entries.has(key)) repeated.add(key);
      entries.set(key, value);
    }
    for (const key of repeated) {
      issues.push({
        param: keyName(key),
        message: 'is given more than once; the last one was used',
      });
    }
    // fromEntries defines own properties, so a key named "__proto__" is just an unknown key.
    return applyEntries(DEFAULT_PARAMS, Object.fromEntries(entries), issues);
  });
}

/** A malformed escape (`%E0%A4%A`) is kept as typed; validation then names it. */
function decode(s: string): string {
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const GHOSTS_WRITERS: { [K in keyof GhostsParams]: (v: GhostsParams[K]) => string } = {
  z: writeVector,
  a: writeVector,
  y: writeNumber,
  tau: writeNumber,
  span: writeSpan,
  color: (c) => c,
  n: writeNumber,
  T: writeNumber,
  mode: (m) => m,
  seed: writeNumber,
  data: (d) => d,
  dir: (d) => d,
  lr: writeNumber,
  train: (t) => t,
  at: writeNumber,
  spike: writeNumber,
  hold: writeNumber,
  step: writeNumber,
};

const GHOSTS_KEYS = Object.keys(GHOSTS_WRITERS) as (keyof GhostsParams)[];

function writeGhostsField<K extends keyof GhostsParams>(key: K, g: GhostsParams): string | null {
  const write = GHOSTS_WRITERS[key];
  const text = write(g[key]);
  return text === write(DEFAULT_PARAMS.ghosts[key]) ? null : `${key}=${text}`;
}

/**
 * `?v=1&view=…` then only what differs from the defaults. `view` is always written so a link says
 * what it shows. Every key and value written is made of [A-Za-z0-9.,+-], so nothing needs escaping.
 */
export function serializePermalink(p: AppParams): string {
  const d = DEFAULT_PARAMS;
  const parts = [`v=${LINK_VERSION}`, `view=${p.view}`];
  if (p.embed !== d.embed) parts.push(`embed=${p.embed ? '1' : '0'}`);
  if (p.theme !== d.theme) parts.push(`theme=${p.theme}`);
  for (const key of GHOSTS_KEYS) {
    const part = writeGhostsField(key, p.ghosts);
    if (part !== null) parts.push(part);
  }
  return `?${parts.join('&')}`;
}
