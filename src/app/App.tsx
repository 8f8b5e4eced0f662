import { Suspense, useEffect } from 'react';
import { useAtlas } from '../state/store';
import { AVAILABLE, INSTRUMENTS } from '../instruments/registry';
import { SkipLink } from '../ui/SkipLink';
import { NoticeBar } from './NoticeBar';
import { ViewBoundary } from './ViewBoundary';
import { DEFAULT_PARAMS } from './link';
import { useResolvedTheme } from './theme';
import { ControlsFilter } from './controlsFilter';
import { AboutPanel, inApp } from './AboutPanel';
import { shareLink, viewState } from './shareLink';
import { navigate } from './urlSync';

const THEME_CYCLE = { system: 'light', light: 'dark', dark: 'system' } as const;

/** The active instrument's view, loaded on first use. */
function ActiveView({ embed }: { embed: boolean }) {
  const view = useAtlas((s) => s.params.view);
  const theme = useResolvedTheme(useAtlas((s) => s.params.theme));
  const instrument = AVAILABLE.find((i) => i.id === view) ?? AVAILABLE[0];
  if (!instrument) return null;
  const { View, id } = instrument;
  const reset = () => useAtlas.getState().setView(id, DEFAULT_PARAMS[id]);
  return (
    <ViewBoundary key={id} title={instrument.title} onReset={reset}>
      <Suspense fallback={<p className="view-loading">loading {instrument.title}…</p>}>
        <View embed={embed} colors={theme.colors} />
      </Suspense>
    </ViewBoundary>
  );
}

export function App() {
  const params = useAtlas((s) => s.params);
  const setTheme = useAtlas((s) => s.setTheme);
  const active = INSTRUMENTS.find((i) => i.id === params.view);
  // On the root, so the plot kit's --plot-scale (set by styles.css) follows it.
  useEffect(() => {
    document.documentElement.toggleAttribute('data-present', params.present);
  }, [params.present]);

  if (params.embed) {
    return (
      <div
        className="app embed"
        data-testid="app"
        data-embed="true"
        data-controls={params.controls.length > 0 ? params.controls.join(' ') : undefined}
      >
        <SkipLink />
        <ControlsFilter />
        <NoticeBar />
        <main id="main" tabIndex={-1}>
          <ActiveView embed />
        </main>
        <div className="embed-chrome">
          <a href={shareLink(params)} target="_blank" rel="noopener" data-testid="open-full-view">
            open full view ↗
          </a>
        </div>
      </div>
    );
  }

  return (
    <div className="app" data-testid="app" data-embed="false">
      <SkipLink />
      <header className="app-header">
        <h1>
          {/* The current picture, parameters kept: the title never throws the reader's work away. */}
          <a href={shareLink(params)} className="app-title" data-testid="app-title">
            Softmax Atlas
          </a>
        </h1>
        <nav aria-label="instruments">
          {INSTRUMENTS.map((i) =>
            i.status === 'available' ? (
              <a
                key={i.id}
                href={shareLink(viewState(params, i.id))}
                onClick={inApp(() => navigate(viewState(params, i.id)))}
                title={i.summary}
                aria-current={params.view === i.id ? 'page' : undefined}
              >
                {i.title}
              </a>
            ) : (
              <span key={i.id} className="planned" title={`in preparation: ${i.summary}`}>
                {i.title}
              </span>
            ),
          )}
        </nav>
        <div className="header-tools">
          <button
            type="button"
            data-testid="present-toggle"
            aria-pressed={params.present}
            title="large type and the figure first, for a projector"
            onClick={() => useAtlas.getState().setParams({ ...params, present: !params.present })}
          >
            present
          </button>
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
      {active?.status === 'available' && active.about && (
        <AboutPanel key={active.id} id={active.id} title={active.title} about={active.about} />
      )}
      <main id="main" tabIndex={-1}>
        <ActiveView embed={false} />
      </main>
      <footer>
        Computed live in WebGPU compute shaders (CPU fallback without WebGPU).
        {active ? ` ${active.title}: ${active.credit}.` : ''}
      </footer>
    </div>
  );
}
