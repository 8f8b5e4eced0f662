/** The collapse instrument's pure science (f64 CPU path and test oracle). */
export * from './config';
export * from './model';
export * from './stepRule';
export * from './gd';
export * from './closedForms';
export * from './metrics';
export * from './display';
export * from './runner';
export { jacobiEig, pinvSym } from './linalg';
