/**
 * The permalink codec: URL query ⇄ app state, for any set of views. It reads `v` and migrates,
 * reads `view`, then the app's own keys and only that view's keys; a key of another view is
 * named as such, any other unknown key is named with a hint. It writes the app keys and the
 * active view's non-default fields. The same validation serves a host page's "set parameters",
 * so a slide deck cannot put the app in a state a link could not.
 *
 * Reading never throws and never gives up on a whole link: every parameter is read on its own,
 * so a bad one falls back alone — to the nearest valid value when there is one, else to the
 * value it would have had — and is named in a ParamIssue.
 */
import {
  accept,
  booleanReader,
  oneOf,
  quote,
  read,
  readValue,
  wholeNumber,
  MAX_QUOTE,
  type Reader,
} from './read';
import { z } from 'zod';
import {
  defaults,
  fallbackText,
  resolveFields,
  schemaKeys,
  settle,
  writeFields,
  type FieldDoc,
  type LinkSchema,
  type ParamIssue,
} from './schema';
import { LINK_MIGRATIONS, LINK_VERSION, migrate } from './versions';

export type Theme = 'system' | 'light' | 'dark';
export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

/** What the codec needs of an instrument. */
export interface LinkView {
  readonly id: string;
  readonly title: string;
  readonly status: 'available' | 'planned';
  readonly link: LinkSchema<object>;
}

/** The app's own keys, common to every view; each view's params sit beside them under its id. */
export interface AppFields {
  view: string;
  embed: boolean;
  theme: Theme;
  /** Origins allowed to drive the page through postMessage; empty: any host page. */
  origin: readonly string[];
  /** Presentation mode: type and marks scaled for the back row of a lecture hall. */
  present: boolean;
  /**
   * The link keys of the controls an embed shows (e.g. `tau`, `r`), each one of the view's
   * fields or inputs; empty: the embed shows no controls, as it always did.
   */
  controls: readonly string[];
}

export interface ParseResult<S> {
  params: S;
  issues: ParamIssue[];
}

export interface LinkCodec<S extends AppFields> {
  readonly defaults: S;
  /** Reads `location.search` (with or without its `?`). */
  parse: (search: string) => ParseResult<S>;
  /** Validates entries from a host page on top of `base`: keys not given keep base's values. */
  apply: (base: S, entries: Readonly<Record<string, unknown>>) => ParseResult<S>;
  /** `?v=…&view=…` then only what differs from the defaults, app keys first. */
  serialize: (state: S) => string;
}

// Caps keep a hostile or mangled link cheap to read and its notice short enough to read.
const MAX_QUERY_LENGTH = 100_000;
const MAX_ENTRIES = 100;
const MAX_ISSUES = 10;

const APP_KEYS = ['v', 'view', 'embed', 'present', 'controls', 'theme', 'origin'] as const;

/** The app keys' rows of the README's permalink table. */
export const APP_FIELD_DOCS: Readonly<Record<(typeof APP_KEYS)[number], FieldDoc>> = {
  v: { meaning: 'link version', range: '1' },
  view: { meaning: 'instrument', range: '`ghosts`' },
  theme: { meaning: '`light`, `dark` or `system`', range: '`system`' },
  embed: { meaning: '`1` for the iframe mode', range: 'off' },
  present: { meaning: '`1` for presentation mode: large type, figure first', range: 'off' },
  controls: {
    meaning: "the controls an embed shows, by the view's link keys, e.g. `tau,r`",
    range: 'none',
  },
  origin: {
    meaning: 'origins allowed to drive an embed by postMessage, comma-separated',
    range: 'any host page',
  },
};

export function createLinkCodec<S extends AppFields>(views: readonly LinkView[]): LinkCodec<S> {
  const available = views.filter((v) => v.status === 'available');
  const head = available[0];
  if (!head) throw new Error('no available view');
  const first: LinkView = head;
  const byId = new Map(views.map((v) => [v.id, v]));

  const initial = {
    view: first.id,
    embed: false,
    present: false,
    controls: [] as readonly string[],
    origin: [] as readonly string[],
    theme: 'system',
    ...Object.fromEntries(available.map((v) => [v.id, defaults(v.link)])),
  } as S;

  const viewReader = z
    .string()
    .trim()
    .transform((s, ctx) => {
      const view = available.find((v) => v.id === s);
      if (view !== undefined) return { ok: true as const, value: view.id };
      const planned = views.some((v) => v.id === s);
      ctx.addIssue({
        code: 'custom',
        message: planned
          ? `${quote(s)} is not available yet`
          : `${quote(s)} is not a view (views: ${available.map((v) => v.id).join(', ')})`,
      });
      return z.NEVER;
    });
  const embedReader = booleanReader;
  const writeOrigins = (o: readonly string[]) => o.join(',');
  const themeReader = oneOf<Theme>(THEMES, 'a theme');

  function unknownKey(key: string, viewId: string, known: readonly string[]): ParamIssue {
    const owner = views.find((v) => v.id !== viewId && schemaKeys(v.link).includes(key));
    if (owner) {
      return {
        param: keyName(key),
        message: `belongs to the ${owner.title} view (view=${owner.id}), not this one; ignored`,
      };
    }
    const lower = key.toLowerCase();
    const other = known.find((k) => k !== key && k.toLowerCase() === lower);
    const hint =
      other === undefined
        ? ''
        : other === lower
          ? ` (parameter names are lower case: ${lower})`
          : ` (did you mean ${other}?)`;
    return { param: keyName(key), message: `is not a parameter of this page${hint}; ignored` };
  }

  function applyEntries(
    base: S,
    entries: Readonly<Record<string, unknown>>,
    issues: ParamIssue[],
  ): S {
    const given = Object.hasOwn(entries, 'v') ? entries['v'] : undefined;
    const version = readVersion(readValue(accept(wholeNumber('a link version')), given), issues);
    const migrated = migrate(entries, version, issues);

    const viewRead = Object.hasOwn(migrated, 'view')
      ? readValue(viewReader, migrated['view'])
      : undefined;
    const view = settle(issues, 'view', viewRead, base.view, `showing ${base.view}`);
    const active = byId.get(view) ?? first;
    const known = [...APP_KEYS, ...schemaKeys(active.link)];
    const knownSet = new Set<string>(known);

    // Only known keys are read, so odd names ("__proto__", "constructor") stay inert.
    const mine: Record<string, string> = {};
    let count = 0;
    for (const [key, value] of Object.entries(migrated)) {
      if (++count > MAX_ENTRIES) {
        issues.push({
          param: 'link',
          message: `has more than ${MAX_ENTRIES} parameters; the rest were not read`,
        });
        break;
      }
      if (!knownSet.has(key)) issues.push(unknownKey(key, active.id, known));
      else if (typeof value === 'string') mine[key] = value;
      else issues.push({ param: key, message: 'is not text; ignored' });
    }

    const embedRead = readValue(embedReader, mine['embed']);
    const embed = settle(
      issues,
      'embed',
      embedRead,
      base.embed,
      fallbackText(base.embed ? '1' : '0', initial.embed ? '1' : '0'),
    );
    const present = settle(
      issues,
      'present',
      readValue(booleanReader, mine['present']),
      base.present,
      fallbackText(base.present ? '1' : '0', initial.present ? '1' : '0'),
    );
    // A view change drops the old view's control names: they would name another view's keys.
    const controlBase = base.view === active.id ? base.controls : initial.controls;
    const controlList = settle(
      issues,
      'controls',
      readValue(controlsReader(schemaKeys(active.link)), mine['controls']),
      controlBase,
      'showing no controls',
    );
    const controls =
      controlList.join(',') === base.controls.join(',') ? base.controls : controlList;
    const theme = settle(
      issues,
      'theme',
      readValue(themeReader, mine['theme']),
      base.theme,
      fallbackText(base.theme, initial.theme),
    );
    const originRead = readValue(originReader, mine['origin']);
    const originList = settle(
      issues,
      'origin',
      originRead,
      base.origin,
      base.origin.length === 0 ? 'allowing any host page' : `keeping ${writeOrigins(base.origin)}`,
    );
    const origin =
      writeOrigins(originList) === writeOrigins(base.origin) ? base.origin : originList;
    const viewBase =
      (base as unknown as Record<string, object>)[active.id] ?? defaults(active.link);
    const viewParams = resolveFields(active.link, viewBase, mine, issues);
    const same =
      base.view === active.id &&
      base.embed === embed &&
      base.present === present &&
      base.controls === controls &&
      base.theme === theme &&
      base.origin === origin &&
      viewParams === viewBase;
    return same
      ? base
      : {
          ...base,
          view: active.id,
          embed,
          present,
          controls,
          theme,
          origin,
          [active.id]: viewParams,
        };
  }

  function guarded(base: S, baseName: string, run: (issues: ParamIssue[]) => S): ParseResult<S> {
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

  return {
    defaults: initial,
    apply: (base, entries) =>
      guarded(base, 'the previous parameters', (issues) => applyEntries(base, entries, issues)),
    parse: (search) =>
      guarded(initial, 'the defaults', (issues) =>
        applyEntries(initial, splitQuery(search, issues), issues),
      ),
    serialize: (state) => {
      const parts = [`v=${LINK_VERSION}`, `view=${state.view}`];
      if (state.embed !== initial.embed) parts.push(`embed=${state.embed ? '1' : '0'}`);
      if (state.present) parts.push('present=1');
      if (state.controls.length > 0) parts.push(`controls=${state.controls.join(',')}`);
      if (state.theme !== initial.theme) parts.push(`theme=${state.theme}`);
      if (state.origin.length > 0)
        parts.push(`origin=${state.origin.map(encodeURIComponent).join(',')}`);
      const active = byId.get(state.view);
      const params = (state as unknown as Record<string, object | undefined>)[state.view];
      if (active && params) parts.push(...writeFields(active.link, params));
      return `?${parts.join('&')}`;
    },
  };
}

/**
 * `controls=tau,r`: names of the view's keys, kept in the order given; names the view lacks are
 * named in a note and dropped, so a typo leaves the rest of the slide working.
 */
function controlsReader(known: readonly string[]): Reader<readonly string[]> {
  return z.string().transform((s) => {
    const names = [
      ...new Set(
        s
          .split(',')
          .map((n) => n.trim())
          .filter((n) => n !== ''),
      ),
    ];
    const unknown = names.filter((n) => !known.includes(n));
    const shown = names.filter((n) => known.includes(n));
    if (unknown.length === 0) return read(shown);
    // A few names are enough to spot the typo; a value of junk cannot flood the notice.
    const listed =
      unknown
        .slice(0, 5)
        .map((n) => quote(n))
        .join(', ') + (unknown.length > 5 ? ` and ${unknown.length - 5} more` : '');
    return read(
      shown,
      `${listed} ${unknown.length === 1 ? 'is not a control' : 'are not controls'} of this view ` +
        `(its keys: ${known.join(', ')}); ignored`,
    );
  });
}

/** `https://host[:port]` entries: a page's origin, as MessageEvent.origin reports it. */
const originReader = z.string().transform((s, ctx) => {
  const out: string[] = [];
  for (const part of s.split(',')) {
    const text = part.trim();
    let origin: string | null = null;
    try {
      const u = new URL(text);
      if ((u.protocol === 'https:' || u.protocol === 'http:') && u.origin === text)
        origin = u.origin;
    } catch {
      origin = null;
    }
    if (origin === null) {
      ctx.addIssue({
        code: 'custom',
        message: `${quote(text)} is not an origin like https://example.org`,
      });
      return z.NEVER;
    }
    out.push(origin);
  }
  return { ok: true as const, value: out };
});

/** Reads `v`; a missing version is the current one, so hand-written links need not say it. */
function readVersion(f: ReturnType<typeof readValue<number>>, issues: ParamIssue[]): number {
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

/**
 * Names a key for a notice: a key of junk is cut short like a value, and one with spaces or
 * control characters is quoted so "view " cannot pass for "view".
 */
export function keyName(key: string): string {
  if (key === '') return '(empty name)';
  const short = key.length > MAX_QUOTE ? `${key.slice(0, MAX_QUOTE)}…` : key;
  return /[\s\p{C}]/u.test(key) ? JSON.stringify(short) : short;
}

/** Long lists of problems are cut to the first few and a count, so the notice stays readable. */
function capIssues(issues: ParamIssue[]): ParamIssue[] {
  if (issues.length <= MAX_ISSUES) return issues;
  const shown = issues.slice(0, MAX_ISSUES - 1);
  const rest = issues.length - shown.length;
  return [...shown, { param: '…', message: `and ${rest} more problems not listed` }];
}

/**
 * A query's entries. A `+` is read as a plus sign, not a space: in these links it only ever
 * appears in numbers (`1e+3`, `+2`).
 */
function splitQuery(search: string, issues: ParamIssue[]): Record<string, string> {
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
    issues.push({ param: keyName(key), message: 'is given more than once; the last one was used' });
  }
  // fromEntries defines own properties, so a key named "__proto__" is just an unknown key.
  return Object.fromEntries(entries);
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

export { LINK_MIGRATIONS, LINK_VERSION };
