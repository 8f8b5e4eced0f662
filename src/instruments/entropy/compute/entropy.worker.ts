/// <reference lib="webworker" />
// The entropy view's two runs off the main thread, on the GPU or the CPU.
import { serveInWorker } from '../../../worker/engineClient';
import { entropyEngine } from './engine';

serveInWorker(entropyEngine());
