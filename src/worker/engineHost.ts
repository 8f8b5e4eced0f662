/**
 * One engine host for every trained instrument, run in a worker (or inline where no worker
 * starts). Requests are served one after another; a newer request cancels an older one still
 * waiting or running (newest wins: dragging a slider never queues minutes of training);
 * progress and new rows stream as events; and a GPU failure mid-request drops the engine's
 * state and replays the request from the seed on the CPU, so no result mixes GPU and CPU steps.
 */
import type { Post } from './workerClient';

/** What an engine gets while it serves one request. */
export interface HostJob<Ev> {
  /** Whether a newer request arrived: long work checks this between slices and stops. */
  superseded: () => boolean;
  /** Streams an event (progress, new rows) to the caller of this request. */
  event: (event: Ev, transfer?: Transferable[]) => void;
  /** Why the GPU is not to be used any more (sticky for this host); null while it is fine. */
  gpuBroken: string | null;
}

export interface Engine<Req, Res, Ev> {
  /** Serves a request; resolves to CANCELLED when it saw `superseded()` and stopped. */
  serve: (req: Req, job: HostJob<Ev>) => Promise<Res | typeof CANCELLED>;
  /** Whether the state the engine holds now was computed on the GPU. */
  onGpu: () => boolean;
  /** Drops every piece of state, so the next request rebuilds from the seed. */
  reset: () => void;
  /** The typed arrays of a result, handed over rather than copied. */
  transfer?: (res: Res) => Transferable[];
}

export const CANCELLED = Symbol('cancelled');

export type HostReply<Res, Ev> =
  | { id: number; kind: 'event'; event: Ev }
  | { id: number; kind: 'done'; result: Res }
  | { id: number; kind: 'cancelled' }
  | { id: number; kind: 'error'; error: string };

export const isFinalReply = (r: HostReply<unknown, unknown>): boolean => r.kind !== 'event';

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Set while the page is not live (slide:stop, hidden tab): work waits at its next yield. */
let paused: { resume: Promise<void>; release: () => void } | null = null;

/**
 * Pauses or resumes every engine served in this realm (a worker, or the page for inline
 * engines). A paused replay keeps its state and goes on from there, so nothing is lost.
 */
export function pauseEngines(pause: boolean): void {
  if (pause && !paused) {
    let release = () => {};
    const resume = new Promise<void>((resolve) => (release = resolve));
    paused = { resume, release };
  } else if (!pause && paused) {
    paused.release();
    paused = null;
  }
}

/** The message that pauses a worker's engines, outside the request protocol. */
export interface PauseMessage {
  pause: boolean;
}

export const isPauseMessage = (m: unknown): m is PauseMessage =>
  typeof m === 'object' && m !== null && 'pause' in m && !('id' in m);

/**
 * Yields to the message queue, so a newer request can arrive between slices of work; while the
 * engines are paused, waits there until they resume.
 */
export async function yieldToMessages(): Promise<void> {
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
  while (paused) await paused.resume;
}

export function engineHost<Req extends { id: number }, Res, Ev>(
  engine: Engine<Req, Res, Ev>,
  post: Post<HostReply<Res, Ev>>,
): (req: Req) => void {
  let latest = 0;
  let gpuBroken: string | null = null;
  let queue: Promise<void> = Promise.resolve();

  const serveOnce = (req: Req) =>
    engine.serve(req, {
      superseded: () => req.id !== latest,
      event: (event, transfer) => post({ id: req.id, kind: 'event', event }, transfer),
      gpuBroken,
    });

  const serve = async (req: Req): Promise<void> => {
    if (req.id !== latest) {
      post({ id: req.id, kind: 'cancelled' });
      return;
    }
    let result: Res | typeof CANCELLED;
    try {
      result = await serveOnce(req);
    } catch (err) {
      if (!engine.onGpu()) throw err;
      gpuBroken = `the GPU failed: ${message(err)}`;
      engine.reset();
      result = await serveOnce(req);
    }
    if (result === CANCELLED) post({ id: req.id, kind: 'cancelled' });
    else post({ id: req.id, kind: 'done', result }, engine.transfer?.(result) ?? []);
  };

  return (req) => {
    latest = Math.max(latest, req.id);
    queue = queue.then(() =>
      serve(req).catch((err: unknown) => {
        engine.reset();
        post({ id: req.id, kind: 'error', error: message(err) });
      }),
    );
  };
}
