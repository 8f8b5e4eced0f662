import { lazy } from 'react';
import type { AvailableInstrument } from '../instrument';
import { collapseLink, type CollapseParams } from './link';
import { COLLAPSE_READOUTS } from './readouts';
import { collapseAbout } from './about';

export const collapse: AvailableInstrument<'collapse', CollapseParams> = {
  id: 'collapse',
  title: 'collapse',
  summary:
    'neural collapse: features and classifier rows trained with weight decay converge to a simplex ETF, with the closed-form norms beside them',
  credit: 'Papyan, Han, Donoho, PNAS 2020; Dang et al., ICML 2023 (arXiv:2301.00437)',
  status: 'available',
  link: collapseLink,
  readouts: COLLAPSE_READOUTS,
  about: collapseAbout,
  View: lazy(() => import('./view/CollapseView').then((m) => ({ default: m.CollapseView }))),
};
