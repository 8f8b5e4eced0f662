/// <reference lib="webworker" />
// The learning-rate-spike experiment off the main thread: three MLP runs, on the GPU or the CPU.
import { serveInWorker } from '../../../worker/engineClient';
import { spikeEngine } from './spikeProtocol';

serveInWorker(spikeEngine());
