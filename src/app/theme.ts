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
  /** The step ‖p‖ of a trained model, a safe green that reads as text on this background. */
  step: string;
}

const PALETTES: Record<'light' | 'dark', ThemeColors> = {
  light: {
    text: '#1d2330',
    background: '#ffffff',
    // Muted, ρ* and step are small SVG text too: each ≥ 4.5:1 on the background (WCAG 1.4.3).
    muted: '#5f687a',
    rhoA: '#1d2330',
    rhoStar: '#8a6000',
    loss: '#2f6fdf',
    taylor: '#c2185b',
    step: '#15803d',
  },
  dark: {
    text: '#e6e9ef',
    background: '#12151c',
    muted: '#9aa3b5',
    rhoA: '#ffffff',
    rhoStar: '#ffd166',
    loss: '#7aa7ff',
    taylor: '#ff7eb6',
    step: '#4cd07d',
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
