/// <reference lib="webworker" />
// The CPU path off the main thread: zero finding and the plane field when there is no GPU.
import { planeField } from '../science/ghosts';
import { analyzeLine } from './analysis';
import type { WorkerRequest, WorkerResponse } from './workerProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const req = event.data;
  try {
    if (req.kind === 'analyze') {
      const result = analyzeLine(req.z, req.a);
      scope.postMessage({ id: req.id, ok: true, kind: 'analyze', result } satisfies WorkerResponse);
    } else {
      const field = planeField(req.grid, req.z, req.a);
      scope.postMessage({ id: req.id, ok: true, kind: 'plane', field } satisfies WorkerResponse, [
        field.buffer,
      ]);
    }
  } catch (err) {
    scope.postMessage({ id: req.id, ok: false, error: String(err) } satisfies WorkerResponse);
  }
};
