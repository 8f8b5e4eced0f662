// The reader's pins and the 1-D pair: pins belong to one run, are copies, stay unique and few;
// the pair falls back to θ₀ → θ when a pinned end goes, and never joins an end to itself. A
// failure means the 1-D curve runs between other θ's than the picker shows.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PAIR,
  NO_PINS,
  PIN_LIMIT,
  addPin,
  effectivePair,
  endLabel,
  livePins,
  pairRequest,
  removePin,
  type PinSet,
} from './pins';

const theta = (v: number) => Float64Array.from([v, v + 1, v + 2]);

describe('pins', () => {
  it('keeps a copy of θ in step order, one per step', () => {
    const src = theta(5);
    let set = addPin(NO_PINS, 'run', 40, src);
    set = addPin(set, 'run', 10, theta(1));
    src[0] = 99;
    expect(set.pins.map((p) => p.step)).toEqual([10, 40]);
    expect(set.pins[1]?.theta[0]).toBe(5);
    expect(addPin(set, 'run', 40, theta(7))).toBe(set);
  });

  it(`holds at most ${PIN_LIMIT}`, () => {
    let set: PinSet = NO_PINS;
    for (let s = 0; s < PIN_LIMIT + 3; s++) set = addPin(set, 'run', s, theta(s));
    expect(set.pins).toHaveLength(PIN_LIMIT);
    expect(set.pins.at(-1)?.step).toBe(PIN_LIMIT - 1);
  });

  it('belong to their run: another train key sees none, and pinning there starts afresh', () => {
    const set = addPin(addPin(NO_PINS, 'a', 3, theta(3)), 'a', 6, theta(6));
    expect(livePins(set, 'a')).toHaveLength(2);
    expect(livePins(set, 'b')).toEqual([]);
    const other = addPin(set, 'b', 9, theta(9));
    expect(other.key).toBe('b');
    expect(other.pins.map((p) => p.step)).toEqual([9]);
  });

  it('removes the pin of a step only', () => {
    const set = addPin(addPin(NO_PINS, 'a', 3, theta(3)), 'a', 6, theta(6));
    expect(removePin(set, 3).pins.map((p) => p.step)).toEqual([6]);
    expect(removePin(set, 4).pins).toHaveLength(2);
  });
});

describe('the pair', () => {
  const pins = addPin(addPin(NO_PINS, 'a', 3, theta(3)), 'a', 6, theta(6)).pins;

  it('sends each pin with its θ, and θ₀ and θ by name', () => {
    const r = pairRequest(['pin-3', 'current'], pins);
    expect(r.from).toEqual({ kind: 'pin', step: 3, theta: theta(3) });
    expect(r.to).toEqual({ kind: 'current' });
    expect(pairRequest(DEFAULT_PAIR, pins)).toEqual({
      from: { kind: 'initial' },
      to: { kind: 'current' },
    });
  });

  it('keeps a valid choice, either way round', () => {
    expect(effectivePair(['pin-6', 'pin-3'], pins)).toEqual(['pin-6', 'pin-3']);
    expect(effectivePair(['current', 'initial'], pins)).toEqual(['current', 'initial']);
  });

  it('falls back to θ₀ at the start and θ at the end when a pinned end is gone', () => {
    expect(effectivePair(['pin-9', 'pin-3'], pins)).toEqual(['initial', 'pin-3']);
    expect(effectivePair(['pin-3', 'pin-9'], pins)).toEqual(['pin-3', 'current']);
    expect(effectivePair(['pin-3', 'pin-6'], [])).toEqual(['initial', 'current']);
  });

  it('never joins an end to itself', () => {
    expect(effectivePair(['pin-3', 'pin-3'], pins)).toEqual(['pin-3', 'current']);
    expect(effectivePair(['current', 'current'], pins)).toEqual(['current', 'initial']);
    expect(effectivePair(['pin-9', 'initial'], pins)).toEqual(['initial', 'current']);
  });

  it('names the ends as the chart and readouts show them', () => {
    expect(endLabel({ kind: 'initial', step: 0 })).toBe('θ₀');
    expect(endLabel({ kind: 'current', step: 12 })).toBe('θ (step 12)');
    expect(endLabel({ kind: 'pin', step: 40 })).toBe('pin @ 40');
  });
});
