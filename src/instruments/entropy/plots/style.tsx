/** The entropy view's colours and legend marks: the method, its baseline, the fit, the signs. */
import { lineMark, type LegendItem } from '../../../plots/legend';

export const METHOD_COLOR = '#2f8fdf';
export const BASE_COLOR = '#8a93a6';
export const FIT_COLOR = '#e0812b';
export const INITIAL_COLOR = '#8b5cf6';
/** Actions whose covariance term lowers entropy (likely and good, rare and bad) and raises it. */
export const DOWN_COLOR = '#e5484d';
export const UP_COLOR = '#17a34a';

export const dotMark = (color: string) => <circle r={4} fill={color} />;

export const methodLegend = (method: string): LegendItem[] => [
  { key: 'method', label: method, width: 40 + 7 * method.length, mark: lineMark(METHOD_COLOR) },
  { key: 'base', label: 'baseline', width: 84, mark: lineMark(BASE_COLOR, 2, '5 3') },
];
