/**
 * The contract every instrument meets: the shell reads only this (navigation, the view switch,
 * the link codec, notices), so adding an instrument is one folder and one registry line.
 */
import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { LinkSchema } from '../link/schema';
import type { ThemeColors } from '../app/theme';

export interface ViewProps {
  /** True inside an iframe (`embed=1`): the view fills the frame and never scrolls. */
  embed: boolean;
  colors: ThemeColors;
}

/** A link within the app that shows one effect, for a lecturer to click through. */
export interface Preset {
  label: string;
  /** The link's query (`?view=ghosts&r=0.5`): read like any link, so it cannot hold a bad state. */
  query: string;
}

/** First contact: what the reader is looking at, where it comes from, where to start. */
export interface About {
  /** One paragraph with the defining formula (MathML: it renders offline, with no script). */
  what: ReactNode;
  /** The paper's own page (arXiv or DOI), opened by the reader; nothing is fetched. */
  paper: { title: string; href: string };
  presets: readonly Preset[];
}

interface InstrumentBase<Id extends string> {
  readonly id: Id;
  /** Shown in navigation and notices. */
  readonly title: string;
  /** One line: what the reader sees. */
  readonly summary: string;
  /** The paper it follows, for the footer and exports. */
  readonly credit: string;
}

export interface AvailableInstrument<
  Id extends string,
  P extends object,
> extends InstrumentBase<Id> {
  readonly status: 'available';
  readonly link: LinkSchema<P>;
  /** The test ids of its key numbers, by mode (each shown as text with a full-precision data-value). */
  readonly readouts: Readonly<Record<string, readonly string[]>>;
  /** The "What am I looking at?" panel's content. */
  readonly about?: About;
  /** Loaded lazily, so an instrument's engines never land in another's chunk. */
  readonly View: LazyExoticComponent<ComponentType<ViewProps>>;
}

export interface PlannedInstrument<Id extends string> extends InstrumentBase<Id> {
  readonly status: 'planned';
  readonly link: LinkSchema<Record<never, never>>;
}

export type Instrument<Id extends string = string, P extends object = object> =
  AvailableInstrument<Id, P> | PlannedInstrument<Id>;

/** Declares an instrument that is not built yet, so navigation can show it as coming. */
export const planned = <const Id extends string>(
  id: Id,
  title: string,
  summary: string,
  credit: string,
): PlannedInstrument<Id> => ({
  id,
  title,
  summary,
  credit,
  status: 'planned',
  link: { fields: {} },
});
