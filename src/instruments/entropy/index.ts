import { lazy } from 'react';
import type { AvailableInstrument } from '../instrument';
import { entropyLink, type EntropyParams } from './link';
import { ENTROPY_READOUTS } from './readouts';
import { entropyAbout } from './about';

export const entropy: AvailableInstrument<'entropy', EntropyParams> = {
  id: 'entropy',
  title: 'entropy',
  summary:
    'policy-entropy collapse in RL fine-tuning: R = −a·e^H + b, the covariance that drives it, and the interventions that keep entropy up',
  credit:
    'Cui et al., The Entropy Mechanism of Reinforcement Learning for Reasoning Language Models, 2025, arXiv:2505.22617',
  status: 'available',
  link: entropyLink,
  readouts: ENTROPY_READOUTS,
  about: entropyAbout,
  View: lazy(() => import('./view/EntropyView').then((m) => ({ default: m.EntropyView }))),
};
