/**
 * The page's side of an engine host: one call per request, events to a callback, and null
 * when a newer request cancelled this one.
 */
import {
  engineHost,
  isFinalReply,
  isPauseMessage,
  pauseEngines,
  type Engine,
  type HostReply,
  type PauseMessage,
} from './engineHost';
import { workerClient } from './workerClient';
import { onPageLive, pageLive } from '../state/live';

export interface EngineClient<Req, Res, Ev> {
  /** Resolves to the result, or null when a newer request superseded this one. */
  call: (req: Req, onEvent?: (event: Ev) => void) => Promise<Res | null>;
  /** False once no worker could start and the engine runs on the main thread. */
  onWorker: () => boolean;
}

type Body<R> = R extends unknown ? Omit<R, 'id'> : never;

export function engineClient<Req extends { id: number }, Res, Ev>(opts: {
  /** What a failure notice calls it ("spike worker"). */
  name: string;
  /** `new Worker(new URL(…, import.meta.url))`, written at the call site for the bundler. */
  start: () => Worker;
  /** The same engine on the main thread, for where no worker starts. */
  inline: () => Engine<Req, Res, Ev>;
}): EngineClient<Body<Req>, Res, Ev> {
  let inlineUsed = false;
  const client = workerClient<Req, HostReply<Res, Ev>>({
    name: opts.name,
    start: opts.start,
    inline: (post) => {
      inlineUsed = true;
      return engineHost(opts.inline(), post);
    },
    isFinal: isFinalReply,
  });
  // Replays pause with the page (slide:stop, a hidden tab) and go on where they were.
  const follow = (live: boolean) => {
    if (inlineUsed) pauseEngines(!live);
    else client.signal({ pause: !live } satisfies PauseMessage);
  };
  onPageLive(follow);
  return {
    onWorker: () => !inlineUsed,
    async call(body, onEvent) {
      const req = { ...body, id: client.nextId() } as unknown as Req;
      const reply = client.call(req, (r) => {
        if (r.kind === 'event') onEvent?.(r.event);
      });
      // The first call starts the worker: tell it now if the page is already paused.
      if (!pageLive()) follow(false);
      const res = await reply;
      if (res.kind === 'error') throw new Error(res.error);
      if (res.kind === 'cancelled') return null;
      if (res.kind !== 'done') throw new Error(`${opts.name} answered out of protocol`);
      return res.result;
    },
  };
}

/** Serves an engine in this worker: the body of every `*.worker.ts`. */
export function serveInWorker<Req extends { id: number }, Res, Ev>(
  engine: Engine<Req, Res, Ev>,
): void {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  const handle = engineHost(engine, (res, transfer) => scope.postMessage(res, transfer ?? []));
  scope.onmessage = (event: MessageEvent<Req | PauseMessage>) => {
    if (isPauseMessage(event.data)) pauseEngines(event.data.pause);
    else handle(event.data);
  };
}
