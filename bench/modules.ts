/**
 * The one list of bench modules: each instrument's (and shared model's) bench.ts. A new
 * instrument adds its `bench` here; `npm run bench` and the bench page pick up its workloads,
 * and `window.atlasBench` offers its checks under their own names.
 */
import { bench as adapter } from './ceiling';
import { bench as collapse } from '../src/instruments/collapse/bench';
import { bench as entropy } from '../src/instruments/entropy/bench';
import { bench as ghosts } from '../src/instruments/ghosts/bench';
import { bench as landscape } from '../src/instruments/landscape/bench';
import { bench as mlp } from '../src/models/mlp/bench';

export const BENCH_MODULES = [adapter, ghosts, mlp, collapse, entropy, landscape] as const;
