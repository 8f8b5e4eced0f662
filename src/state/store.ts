/**
 * The one store. It holds what the user chose (params, mirrored in the URL), the notices
 * the page shows, and which compute backend is in use. Computed results are derived in the
 * views' compute hooks, never stored here twice.
 */
import { create } from 'zustand';
import { DEFAULT_PARAMS, type AppParams, type GhostsParams, type ParamIssue } from './params';

export type NoticeLevel = 'info' | 'warning' | 'error';

export interface Notice {
  id: number;
  level: NoticeLevel;
  text: string;
}

export type Backend =
  { kind: 'pending' } | { kind: 'gpu'; adapter: string } | { kind: 'cpu'; reason: string };

export interface AtlasState {
  params: AppParams;
  notices: Notice[];
  backend: Backend;
  setParams: (params: AppParams) => void;
  setGhosts: (patch: Partial<GhostsParams>) => void;
  setTheme: (theme: AppParams['theme']) => void;
  notify: (level: NoticeLevel, text: string) => void;
  notifyIssues: (issues: readonly ParamIssue[]) => void;
  dismiss: (id: number) => void;
  setBackend: (backend: Backend) => void;
}

let nextNoticeId = 1;

export const useAtlas = create<AtlasState>()((set) => ({
  params: DEFAULT_PARAMS,
  notices: [],
  backend: { kind: 'pending' },
  setParams: (params) => set({ params }),
  setGhosts: (patch) =>
    set((s) => ({ params: { ...s.params, ghosts: { ...s.params.ghosts, ...patch } } })),
  setTheme: (theme) => set((s) => ({ params: { ...s.params, theme } })),
  notify: (level, text) =>
    set((s) =>
      // The same message twice in a row (a re-sent bad parameter) is shown once.
      s.notices.some((n) => n.text === text)
        ? s
        : { notices: [...s.notices, { id: nextNoticeId++, level, text }] },
    ),
  notifyIssues: (issues) =>
    set((s) => {
      if (issues.length === 0) return s;
      const text = `Some link parameters were not usable: ${issues
        .map((i) => `${i.param} — ${i.message}`)
        .join('; ')}`;
      return { notices: [...s.notices, { id: nextNoticeId++, level: 'warning', text }] };
    }),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  setBackend: (backend) => set({ backend }),
}));
