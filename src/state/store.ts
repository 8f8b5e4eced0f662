/**
 * The one store. It holds what the user chose (the app's keys and each view's params, mirrored
 * in the URL) and the notices the page shows. Computed results are derived in the views'
 * compute hooks and carry their own provenance; they are never stored here.
 */
import { useCallback } from 'react';
import { create } from 'zustand';
import { DEFAULT_PARAMS } from '../app/link';
import { patchAtLinkPrecision, type ParamIssue } from '../link/schema';
import type { AppParams, ViewId, ViewParams } from '../instruments/registry';

export type NoticeLevel = 'info' | 'warning' | 'error';

export interface Notice {
  id: number;
  level: NoticeLevel;
  text: string;
}

export interface AtlasState {
  params: AppParams;
  notices: Notice[];
  setParams: (params: AppParams) => void;
  /** The one setter of a view's params: a patch of the fields it changes. */
  setView: <Id extends ViewId>(id: Id, patch: Partial<ViewParams[Id]>) => void;
  setTheme: (theme: AppParams['theme']) => void;
  notify: (level: NoticeLevel, text: string) => void;
  notifyIssues: (issues: readonly ParamIssue[]) => void;
  dismiss: (id: number) => void;
}

let nextNoticeId = 1;

/** More notices than this and the oldest go: a flood of bad messages cannot bury the page. */
const MAX_NOTICES = 5;

/** Adds a notice unless the same text is already shown; keeps the newest MAX_NOTICES. */
function withNotice(notices: Notice[], level: NoticeLevel, text: string): Notice[] {
  if (notices.some((n) => n.text === text)) return notices;
  return [...notices, { id: nextNoticeId++, level, text }].slice(-MAX_NOTICES);
}

export const useAtlas = create<AtlasState>()((set) => ({
  params: DEFAULT_PARAMS,
  notices: [],
  setParams: (params) => set({ params }),
  setView: (id, patch) =>
    // At link precision, so the picture is computed from exactly what the link will restore.
    set((s) => ({
      params: { ...s.params, [id]: { ...s.params[id], ...patchAtLinkPrecision(patch) } },
    })),
  setTheme: (theme) => set((s) => ({ params: { ...s.params, theme } })),
  notify: (level, text) =>
    set((s) => {
      const notices = withNotice(s.notices, level, text);
      return notices === s.notices ? s : { notices };
    }),
  notifyIssues: (issues) =>
    set((s) => {
      if (issues.length === 0) return s;
      const text = `Some link parameters were not usable: ${issues
        .map((i) => `${i.param} — ${i.message}`)
        .join('; ')}`;
      const notices = withNotice(s.notices, 'warning', text);
      return notices === s.notices ? s : { notices };
    }),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));

/** The setter of one view's params, stable across renders (effects may depend on it). */
export function useSetView<Id extends ViewId>(id: Id): (patch: Partial<ViewParams[Id]>) => void {
  const setView = useAtlas((s) => s.setView);
  return useCallback((patch: Partial<ViewParams[Id]>) => setView(id, patch), [setView, id]);
}
