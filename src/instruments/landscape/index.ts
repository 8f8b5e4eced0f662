import { lazy } from 'react';
import type { AvailableInstrument } from '../instrument';
import { landscapeLink, type LandscapeParams } from './link';
import { LANDSCAPE_READOUTS } from './readouts';
import { landscapeAbout } from './about';

export const landscape: AvailableInstrument<'landscape', LandscapeParams> = {
  id: 'landscape',
  title: 'landscape',
  summary:
    'the loss landscape of a small network while it trains: a slice along two filter-normalised directions, recomputed on the GPU',
  credit:
    'Li, Xu, Taylor, Studer, Goldstein, Visualizing the Loss Landscape of Neural Nets, NeurIPS 2018',
  status: 'available',
  link: landscapeLink,
  readouts: LANDSCAPE_READOUTS,
  about: landscapeAbout,
  View: lazy(() => import('./view/LandscapeView').then((m) => ({ default: m.LandscapeView }))),
};
