/// <reference lib="webworker" />
// The batch and sweep panels' live classifier, off the main thread.
import { serveInWorker } from '../../../worker/engineClient';
import { batchEngine } from './batchProtocol';

serveInWorker(batchEngine());
