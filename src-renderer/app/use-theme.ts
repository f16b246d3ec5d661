import { useCallback, useEffect, useState } from 'react';

/** The two themes; with no choice stored the workbench follows the system (prefers-color-scheme). */
export type Theme = 'light' | 'dark';

const STORAGE_KEY = 'parallax-theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The theme the reporter chose earlier, if any. */
function storedTheme(): Theme | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

/** The system theme, followed live, plus the reporter's explicit choice, applied as `data-theme` on <html>. */
export function useTheme() {
  const [choice, setChoice] = useState<Theme | null>(storedTheme);
  const [systemDark, setSystemDark] = useState(() => window.matchMedia(DARK_QUERY).matches);

  useEffect(() => {
    const query = window.matchMedia(DARK_QUERY);
    const onChange = () => setSystemDark(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);

  const theme: Theme = choice ?? (systemDark ? 'dark' : 'light');
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  const toggle = useCallback(() => {
    const next: Theme = theme === 'dark' ? 'light' : 'dark';
    setChoice(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Storage may be unavailable; the choice then lasts for this session.
    }
  }, [theme]);

  return { theme, toggle };
}
