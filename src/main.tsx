/**
 * Entry point. Everything but the stylesheet is loaded inside the guard, so even a module that
 * fails while loading leaves a message on the page rather than a blank one.
 */
import './app/styles.css';

function showFatal(err: unknown): void {
  const root = document.getElementById('root');
  if (root)
    root.innerHTML = `<p role="alert" class="fatal">Softmax Atlas could not start: ${String(err).replace(/[<>&]/g, '')}. Reload the page; if it keeps failing, open it without parameters.</p>`;
}

async function start(): Promise<void> {
  const [{ StrictMode, createElement }, { createRoot }, { App }, urlSync, host, gpu, { useAtlas }] =
    await Promise.all([
      import('react'),
      import('react-dom/client'),
      import('./app/App'),
      import('./app/urlSync'),
      import('./app/hostMessages'),
      import('./gpu/device'),
      import('./state/store'),
    ]);
  urlSync.startUrlSync();
  host.startHostMessages();
  gpu.onDeviceLost((reason) =>
    useAtlas
      .getState()
      .notify(
        'warning',
        `The GPU device was lost (${reason}). The next computation re-acquires it; the CPU path covers meanwhile.`,
      ),
  );
  const el = document.getElementById('root');
  if (!el) throw new Error('no #root element');
  createRoot(el).render(createElement(StrictMode, null, createElement(App)));
  host.postToHost('ready', { permalink: location.href });
  // A handle for tests and the curious: simulate a GPU driver reset.
  Object.assign(window, {
    softmaxAtlas: { loseDevice: gpu.loseDeviceForTesting, store: useAtlas },
  });
}

start().catch(showFatal);
