/// <reference lib="webworker" />
// The CPU path off the main thread: zero finding and the plane field when there is no GPU.
import { handleRequest, type WorkerRequest } from './workerProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const res = handleRequest(event.data);
  // The field is handed over, not copied.
  scope.postMessage(res, res.ok && res.kind === 'plane' ? [res.field.buffer] : []);
};
