/** The entropy instrument's science: the f64 CPU path and the oracle of its kernels. */
export * from './types';
export { buildProblem } from './problem';
export { softmax, softmaxRow, entropyOf, covPi } from './policy';
export { divergenceValue, divergenceGrad } from './divergence';
export { exactEffectiveAdvantage } from './exact';
export {
  tokenCov,
  klCovSelect,
  clipCovSelect,
  steerWeights,
  softThreshold,
  selectCount,
} from './tokens';
export { stepPrompt, Workspace, STAT, type DrawKey } from './step';
export { EntropyEngine, type StepMeans } from './engine';
export { fitExpLaw, ExpLawAccumulator, type ExpLawFit } from './fit';
export { passAtK, passAtKCurve, PASS_KS } from './passAtK';
export { Trajectory } from './trajectory';
export { EntropyRun, type EntropyRunConfig, type RunReadouts } from './runner';
export { buildSeqProblem, type SeqProblem } from './seqProblem';
export { SeqEngine } from './seqEngine';
export type { StepEngine } from './trajectory';
