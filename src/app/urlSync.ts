/**
 * URL → store at start and on Back/Forward; store → URL ever after, and the same state posted
 * to a host page. The URL is the source of truth for a shared link.
 *
 * A change of view or mode is a new page to the reader, so it is pushed to history and Back
 * returns to it within the app; a slider's moves only replace the current entry (debounced), or
 * Back would step through every drag. Inside an iframe nothing is pushed: the frame shares the
 * host page's history, and Back must leave the slide deck's page, not replay the embed.
 */
import { parsePermalink, serializePermalink } from './link';
import { useAtlas } from '../state/store';
import type { AppParams } from '../instruments/registry';
import { permalinkFor, postToHost } from './hostMessages';

const DEBOUNCE_MS = 150;

/** The key whose value is a view's experiment; its change is navigation, like the view's. */
const MODE_KEY = 'mode';

const modeOf = (p: AppParams): unknown =>
  (p[p.view] as unknown as Readonly<Record<string, unknown>>)[MODE_KEY];

/** Whether going from `prev` to `next` is a new page (view or mode), not an adjustment. */
export const isNavigation = (prev: AppParams, next: AppParams): boolean =>
  prev.view !== next.view || modeOf(prev) !== modeOf(next);

let pushNext = false;

/**
 * Moves the app to `params` as a new history entry (a link followed within the app: another
 * view, a guided preset), so Back returns to where the reader was.
 */
export function navigate(params: AppParams): void {
  pushNext = true;
  try {
    useAtlas.getState().setParams(params);
  } finally {
    pushNext = false;
  }
}

export function startUrlSync(): void {
  const { params, issues } = parsePermalink(location.search);
  const store = useAtlas.getState();
  store.setParams(params);
  store.notifyIssues(issues);
  // A link that needed repair is rewritten at once, so copying it shares the repaired state.
  history.replaceState(null, '', serializePermalink(params));

  let timer: ReturnType<typeof setTimeout> | undefined;
  const publish = (state: AppParams) =>
    postToHost('state', { params: state, permalink: permalinkFor(state) });

  // Back/Forward: the entry's link is the state (it was written by this page, so it reads clean).
  let restoring = false;
  window.addEventListener('popstate', () => {
    clearTimeout(timer);
    restoring = true;
    try {
      useAtlas.getState().setParams(parsePermalink(location.search).params);
    } finally {
      restoring = false;
    }
  });

  useAtlas.subscribe((state, prev) => {
    if (state.params === prev.params) return;
    clearTimeout(timer);
    // The history entry already holds this state: rewriting it (or the one left) would be wrong.
    if (restoring) return publish(state.params);
    const search = serializePermalink(state.params);
    if (!state.params.embed && (pushNext || isNavigation(prev.params, state.params))) {
      // The entry being left keeps the last adjustments, even those still inside the debounce.
      history.replaceState(null, '', serializePermalink(prev.params));
      if (search !== location.search) history.pushState(null, '', search);
      publish(state.params);
      return;
    }
    timer = setTimeout(() => {
      if (search !== location.search) history.replaceState(null, '', search);
      publish(state.params);
    }, DEBOUNCE_MS);
  });
}
