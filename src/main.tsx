import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startUrlSync } from './app/urlSync';
import { postToHost, startHostMessages } from './app/hostMessages';
import { loseDeviceForTesting, onDeviceLost } from './gpu/device';
import { useAtlas } from './state/store';
import './app/styles.css';

function showFatal(err: unknown): void {
  const root = document.getElementById('root');
  if (root)
    root.innerHTML = `<p role="alert" class="fatal">Softmax Atlas could not start: ${String(err).replace(/[<>&]/g, '')}. Reload the page; if it keeps failing, open it without parameters.</p>`;
}

try {
  startUrlSync();
  startHostMessages();
  onDeviceLost((reason) =>
    useAtlas
      .getState()
      .notify(
        'warning',
        `The GPU device was lost (${reason}). The next computation re-acquires it; the CPU path covers meanwhile.`,
      ),
  );
  const el = document.getElementById('root');
  if (!el) throw new Error('no #root element');
  createRoot(el).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  postToHost('ready', { permalink: location.href });
  // A handle for tests and the curious: simulate a GPU driver reset.
  Object.assign(window, { softmaxAtlas: { loseDevice: loseDeviceForTesting, store: useAtlas } });
} catch (err) {
  showFatal(err);
}
