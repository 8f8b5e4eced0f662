/**
 * The one list of instruments. Adding one is a folder under src/instruments/ and a line here;
 * the app's link, state and navigation are derived from this list.
 */
import type { AppFields } from '../link/codec';
import { collapse } from './collapse';
import { entropy } from './entropy';
import { ghosts } from './ghosts';
import { landscape } from './landscape';
import type { AvailableInstrument } from './instrument';

export const INSTRUMENTS = [ghosts, landscape, entropy, collapse] as const;

type Entry = (typeof INSTRUMENTS)[number];
type Available = Extract<Entry, { status: 'available' }>;

export type ViewId = Available['id'];

/** Each available view's params, under its id. */
export type ViewParams = {
  [I in Available as I['id']]: I extends AvailableInstrument<string, infer P> ? P : never;
};

/** The app's state as a link holds it: the app's own keys, and every view's params. */
export type AppParams = AppFields & { view: ViewId } & ViewParams;

export const AVAILABLE: readonly Available[] = INSTRUMENTS.filter(
  (i): i is Available => i.status === 'available',
);
