import { useEffect, useState } from 'react';
import type { Theme } from '../link/codec';

export interface ThemeColors {
  text: string;
  background: string;
  muted: string;
  /** Figure marks that must read on this background (the plane's raster is always dark). */
  rhoA: string;
  rhoStar: string;
  loss: string;
  taylor: string;
}

const PALETTES: Record<'light' | 'dark', ThemeColors> = {
  light: {
    text: '#1d2330',
    background: '#ffffff',
    muted: '#8a93a6',
    rhoA: '#1d2330',
    rhoStar: '#b07800',
    loss: '#2f6fdf',
    taylor: '#c2185b',
  },
  dark: {
    text: '#e6e9ef',
    background: '#12151c',
    muted: '#5c6479',
    rhoA: '#ffffff',
    rhoStar: '#ffd166',
    loss: '#7aa7ff',
    taylor: '#ff7eb6',
  },
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
