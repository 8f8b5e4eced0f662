/**
 * The one list of instruments. Adding one is a folder under src/instruments/ and a line here;
 * the app's link, state and navigation are derived from this list.
 */
import type { AppFields } from '../link/codec';
import { ghosts } from './ghosts';
import { planned, type AvailableInstrument } from './instrument';

export const INSTRUMENTS = [
  ghosts,
  planned(
    'landscape',
    'landscape',
    'loss surfaces in logit space and along filter-normalised directions',
    'Li, Xu, Taylor, Studer, Goldstein, Visualizing the Loss Landscape of Neural Nets, NeurIPS 2018',
  ),
  planned(
    'entropy',
    'entropy',
    'policy-entropy collapse in RL fine-tuning',
    'Cui et al., The Entropy Mechanism of Reinforcement Learning for Reasoning Language Models, 2025',
  ),
  planned(
    'collapse',
    'collapse',
    'neural collapse to a simplex ETF',
    'Papyan, Han, Donoho, PNAS 2020; Dang et al., ICML 2023',
  ),
] as const;

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
