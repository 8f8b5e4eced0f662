/**
 * The current view's transport: play, pause and one step of its live loop. A view with a loop
 * registers its handlers with useTransport; the host API (and anything else in the shell) drives
 * whichever view is showing through runTransport, so every instrument gets host play/pause/step
 * by registering, with nothing per view in the shell.
 */
import { useEffect, useRef } from 'react';

export type TransportAction = 'play' | 'pause' | 'step';
export type TransportHandlers = Record<TransportAction, () => void>;

/** Registered views, newest last: the one mounted most recently is the one on screen. */
const registered: (() => TransportHandlers)[] = [];

/** Runs an action on the view on screen; false when no view there has a live loop. */
export function runTransport(action: TransportAction): boolean {
  const top = registered[registered.length - 1];
  if (!top) return false;
  top()[action]();
  return true;
}

/** Registers a view's transport (read afresh on each action); returns the unregister. */
export function registerTransport(handlers: () => TransportHandlers): () => void {
  registered.push(handlers);
  return () => {
    registered.splice(registered.indexOf(handlers), 1);
  };
}

/** Registers the calling view's transport while it is mounted (the latest handlers are used). */
export function useTransport(handlers: TransportHandlers): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => registerTransport(() => ref.current), []);
}
