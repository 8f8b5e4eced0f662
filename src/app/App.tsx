import { useAtlas } from '../state/store';
import { PLANNED_VIEWS, VIEWS } from '../state/params';
import { GhostsView } from '../instruments/ghosts/view/GhostsView';
import { BackendBadge } from './BackendBadge';
import { NoticeBar } from './NoticeBar';
import { useResolvedTheme } from './theme';
import { permalinkFor } from './hostMessages';

const THEME_CYCLE = { system: 'light', light: 'dark', dark: 'system' } as const;

export function App() {
  const params = useAtlas((s) => s.params);
  const setTheme = useAtlas((s) => s.setTheme);
  const theme = useResolvedTheme(params.theme);

  if (params.embed) {
    return (
      <div className="app embed" data-testid="app" data-embed="true">
        <NoticeBar />
        <main>
          <GhostsView embed colors={theme.colors} />
        </main>
        <div className="embed-chrome">
          <BackendBadge />
          <a
            href={permalinkFor({ ...params, embed: false })}
            target="_blank"
            rel="noopener"
            data-testid="open-full-view"
          >
            open full view ↗
          </a>
        </div>
      </div>
    );
  }

  return (
    <div className="app" data-testid="app" data-embed="false">
      <header className="app-header">
        <h1>Softmax Atlas</h1>
        <nav aria-label="instruments">
          {VIEWS.map((v) => (
            <a key={v} href={`?view=${v}`} aria-current={params.view === v ? 'page' : undefined}>
              {v}
            </a>
          ))}
          {PLANNED_VIEWS.map((v) => (
            <span key={v} className="planned" title="in preparation">
              {v}
            </span>
          ))}
        </nav>
        <div className="header-tools">
          <BackendBadge />
          <button
            type="button"
            data-testid="theme-toggle"
            aria-label={`theme: ${params.theme} (click to change)`}
            onClick={() => setTheme(THEME_CYCLE[params.theme])}
          >
            theme: {params.theme}
          </button>
        </div>
      </header>
      <NoticeBar />
      <main>
        <GhostsView embed={false} colors={theme.colors} />
      </main>
      <footer>
        Computed live in WebGPU compute shaders (CPU fallback without WebGPU). Ghosts of Softmax:
        Sao 2026, arXiv:2603.13552.
      </footer>
    </div>
  );
}
