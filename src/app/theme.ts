import { useEffect, useState } from 'react';
import type { Theme } from '../state/params';

export interface ThemeColors {
  text: string;
  background: string;
  muted: string;
}

const PALETTES: Record<'light' | 'dark', ThemeColors> = {
  light: { text: '#1d2330', background: '#ffffff', muted: '#8a93a6' },
  dark: { text: '#e6e9ef', background: '#12151c', muted: '#5c6479' },
};

const query = () => window.matchMedia('(prefers-color-scheme: dark)');

/** Resolves 'system' against the OS setting, follows it live, and marks <html> for CSS. */
export function useResolvedTheme(theme: Theme): { name: 'light' | 'dark'; colors: ThemeColors } {
  const [systemDark, setSystemDark] = useState(() => query().matches);
  useEffect(() => {
    const mq = query();
    const on = (e: MediaQueryListEvent) => setSystemDark(e.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  const name = theme === 'system' ? (systemDark ? 'dark' : 'light') : theme;
  useEffect(() => {
    document.documentElement.dataset.theme = name;
    document.documentElement.style.colorScheme = name;
  }, [name]);
  return { name, colors: PALETTES[name] };
}
