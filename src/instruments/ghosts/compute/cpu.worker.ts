/// <reference lib="webworker" />
// The CPU path off the main thread: zero finding, and the plane field when there is no GPU.
import { serveInWorker } from '../../../worker/engineClient';
import { cpuEngine } from './cpuProtocol';

serveInWorker(cpuEngine());
