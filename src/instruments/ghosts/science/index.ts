export {
  deltaA,
  rhoA,
  binaryRhoStar,
  top2Ghost,
  normalizedStep,
  batchRadius,
  clipController,
  type Top2Ghost,
  type BatchSample,
  type BatchRadius,
  type ClipResult,
} from './radius';
export {
  partition,
  lineLoss,
  planeField,
  LOG_FLOOR,
  type PlaneGrid,
  type ScaledPartition,
} from './partition';
export { findZeros, countZerosInDisk, nearestZero, type NearestZero } from './zeros';
export { taylorCoeffs, horner } from './taylor';
export { realLine, realLineSpan, atTemperature, type RealLine } from './realLine';
