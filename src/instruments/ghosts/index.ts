import { lazy } from 'react';
import type { AvailableInstrument } from '../instrument';
import { ghostsLink, type GhostsParams } from './link';
import { GHOSTS_READOUTS } from './readouts';
import { ghostsAbout } from './about';

export const ghosts: AvailableInstrument<'ghosts', GhostsParams> = {
  id: 'ghosts',
  title: 'ghosts',
  summary:
    'the complex zeros of the softmax partition function, the safe radius ρ_a = π/Δ_a and what a step past it does to training',
  credit: 'P. Sao, Ghosts of Softmax, 2026, arXiv:2603.13552',
  status: 'available',
  link: ghostsLink,
  readouts: GHOSTS_READOUTS,
  about: ghostsAbout,
  View: lazy(() => import('./view/GhostsView').then((m) => ({ default: m.GhostsView }))),
};
