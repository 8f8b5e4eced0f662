/**
 * Checkpoints the reader pins while training, and the pair of ends the 1-D interpolation runs
 * between. Pins are session state: a link restores a run from its seed and cannot carry θ's, so
 * they live in the page, belong to one training run (its train key) and vanish when the run
 * changes; the JSON export carries them.
 */
import type { InterpEnd, InterpEndName, InterpPair } from '../compute/protocol';

/** Enough to compare a few checkpoints; more would crowd the picker and the export. */
export const PIN_LIMIT = 8;

export interface Pin {
  step: number;
  theta: Float64Array;
}

export interface PinSet {
  /** The train key of the run the pins belong to. */
  key: string;
  /** In step order. */
  pins: readonly Pin[];
}

export const NO_PINS: PinSet = { key: '', pins: [] };

/** An end as the picker names it: `initial`, `current` or `pin-<step>`. */
export type EndId = 'initial' | 'current' | `pin-${number}`;
export type PairIds = readonly [EndId, EndId];
export const DEFAULT_PAIR: PairIds = ['initial', 'current'];

/** The pins of the run `key`: none when they were pinned on another run. */
export const livePins = (set: PinSet, key: string): readonly Pin[] =>
  set.key === key ? set.pins : [];

/**
 * The set with θ at `step` pinned (a copy: the state it came from is replaced as training moves).
 * Unchanged when that step is already pinned or PIN_LIMIT pins are held.
 */
export function addPin(set: PinSet, key: string, step: number, theta: Float64Array): PinSet {
  const pins = livePins(set, key);
  if (pins.length >= PIN_LIMIT || pins.some((p) => p.step === step)) return set;
  const next = [...pins, { step, theta: theta.slice() }].sort((a, b) => a.step - b.step);
  return { key, pins: next };
}

export const removePin = (set: PinSet, step: number): PinSet => ({
  key: set.key,
  pins: set.pins.filter((p) => p.step !== step),
});

export const pinId = (step: number): EndId => `pin-${step}`;

const pinOf = (id: EndId, pins: readonly Pin[]): Pin | undefined =>
  pins.find((p) => pinId(p.step) === id);

/**
 * The pair actually used: an end naming a pin that is gone falls back to its default (θ₀ for
 * the start, θ for the end), and so does an end equal to the other one — a flat line is no
 * comparison.
 */
export function effectivePair(ids: PairIds, pins: readonly Pin[]): PairIds {
  const ok = (id: EndId) => !id.startsWith('pin-') || pinOf(id, pins) !== undefined;
  const from = ok(ids[0]) ? ids[0] : DEFAULT_PAIR[0];
  let to = ok(ids[1]) ? ids[1] : DEFAULT_PAIR[1];
  if (to === from) to = from === DEFAULT_PAIR[1] ? DEFAULT_PAIR[0] : DEFAULT_PAIR[1];
  return [from, to];
}

/** The request's pair for ids already made effective (each pin carries its θ). */
export function pairRequest(ids: PairIds, pins: readonly Pin[]): InterpPair {
  const end = (id: EndId): InterpEnd => {
    const pin = pinOf(id, pins);
    if (pin) return { kind: 'pin', step: pin.step, theta: pin.theta };
    return id === 'initial' ? { kind: 'initial' } : { kind: 'current' };
  };
  return { from: end(ids[0]), to: end(ids[1]) };
}

/** A short key for a pair, for the request key (pins at a step never change within a run). */
export const pairKey = (ids: PairIds): string => ids.join('>');

/** How the chart and its legend name an end: θ₀, θ (step N) or pin @ N. */
export function endLabel(e: InterpEndName): string {
  if (e.kind === 'initial') return 'θ₀';
  return e.kind === 'current' ? `θ (step ${e.step})` : `pin @ ${e.step}`;
}
