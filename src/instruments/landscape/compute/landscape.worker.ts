/// <reference lib="webworker" />
// The landscape run (training, slice, interpolation) off the main thread.
import { serveInWorker } from '../../../worker/engineClient';
import { landscapeEngine } from './engine';

serveInWorker(landscapeEngine());
