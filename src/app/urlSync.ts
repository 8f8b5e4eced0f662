/**
 * URL → store once at start; store → URL (replaceState, debounced) ever after, and the same
 * state posted to a host page. The URL is the source of truth for a shared link.
 */
import { parsePermalink, serializePermalink } from './link';
import { useAtlas } from '../state/store';
import { permalinkFor, postToHost } from './hostMessages';

const DEBOUNCE_MS = 150;

export function startUrlSync(): void {
  const { params, issues } = parsePermalink(location.search);
  const store = useAtlas.getState();
  store.setParams(params);
  store.notifyIssues(issues);
  // A link that needed repair is rewritten at once, so copying it shares the repaired state.
  history.replaceState(null, '', serializePermalink(params));

  let timer: ReturnType<typeof setTimeout> | undefined;
  useAtlas.subscribe((state, prev) => {
    if (state.params === prev.params) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const search = serializePermalink(state.params);
      if (search !== location.search) history.replaceState(null, '', search);
      postToHost('state', { params: state.params, permalink: permalinkFor(state.params) });
    }, DEBOUNCE_MS);
  });
}
