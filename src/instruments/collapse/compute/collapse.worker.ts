/// <reference lib="webworker" />
// The collapse run off the main thread, on the GPU or the CPU (compute/chooseBackend.ts).
import { serveInWorker } from '../../../worker/engineClient';
import { collapseEngine } from './collapseProtocol';

serveInWorker(collapseEngine());
