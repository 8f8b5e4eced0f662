/// <reference lib="webworker" />
// The learning-rate-spike experiment off the main thread: three MLP runs trained on the CPU.
import { spikeHandler, type SpikeRequest } from './spikeProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = spikeHandler((res, transfer) => scope.postMessage(res, transfer ?? []));

scope.onmessage = (event: MessageEvent<SpikeRequest>) => handle(event.data);
