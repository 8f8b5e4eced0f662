/**
 * A promise client for a dedicated worker (the transport under engineClient.ts). Each
 * request carries an id; the worker answers with any number of events (progress) and then one
 * final response. Where a worker cannot start, the same handler runs inline, so the page still
 * works (only less smoothly).
 */
export interface Envelope {
  id: number;
}

/** Handles requests, posting responses (transfer lists are ignored inline). */
export type Handler<Req> = (req: Req) => void;
export type Post<Res> = (res: Res, transfer?: Transferable[]) => void;

export interface WorkerClientOptions<Req extends Envelope, Res extends Envelope> {
  /** What the failure notice calls it ("CPU worker"). */
  name: string;
  /** Starts the worker; `new Worker(new URL(…, import.meta.url))` must be written at the call site. */
  start: () => Worker;
  /** The same work on the main thread, for where no worker starts. */
  inline: (post: Post<Res>) => Handler<Req>;
  /** Whether a response ends its request; events that do not are passed to onEvent. */
  isFinal?: (res: Res) => boolean;
}

export interface WorkerClient<Req extends Envelope, Res extends Envelope> {
  nextId: () => number;
  call: (req: Req, onEvent?: (res: Res) => void) => Promise<Res>;
  /** Posts a message outside the request protocol to the worker, if one runs (else drops it). */
  signal: (msg: unknown) => void;
}

interface Pending<Res> {
  resolve: (r: Res) => void;
  reject: (e: Error) => void;
  onEvent?: (r: Res) => void;
}

export function workerClient<Req extends Envelope, Res extends Envelope>(
  opts: WorkerClientOptions<Req, Res>,
): WorkerClient<Req, Res> {
  const isFinal = opts.isFinal ?? (() => true);
  const pending = new Map<number, Pending<Res>>();
  let id = 1;
  let target: { post: (req: Req) => void } | undefined;
  let worker: Worker | undefined;

  const receive = (res: Res) => {
    const p = pending.get(res.id);
    if (!p) return;
    if (!isFinal(res)) {
      p.onEvent?.(res);
      return;
    }
    pending.delete(res.id);
    p.resolve(res);
  };

  const connect = (): { post: (req: Req) => void } => {
    if (target) return target;
    try {
      const started = opts.start();
      started.onmessage = (e: MessageEvent<Res>) => receive(e.data);
      started.onerror = (e) => {
        for (const p of pending.values()) p.reject(new Error(`${opts.name} failed: ${e.message}`));
        pending.clear();
      };
      worker = started;
      target = { post: (req) => started.postMessage(req) };
    } catch {
      const handle = opts.inline((res) => receive(res));
      target = { post: handle };
    }
    return target;
  };

  return {
    nextId: () => id++,
    call: (req, onEvent) =>
      new Promise<Res>((resolve, reject) => {
        pending.set(req.id, onEvent ? { resolve, reject, onEvent } : { resolve, reject });
        connect().post(req);
      }),
    signal: (msg) => worker?.postMessage(msg),
  };
}
