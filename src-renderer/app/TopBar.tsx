import type { Ref } from 'react';
import type { View } from '../commands/command';
import { formatBinding } from '../commands/key-binding';
import { Shortcut } from '../components/Shortcut';
import { SearchBox, type SearchBoxProps } from '../features/search/SearchBox';
import type { Theme } from './use-theme';

/** What the top bar shows and reports. */
export interface TopBarProps {
  view: View;
  onView(view: View): void;
  paneCount: number;
  hitCount: number;
  search: SearchBoxProps;
  searchRef: Ref<HTMLInputElement>;
  theme: Theme;
  onToggleTheme(): void;
  onPalette(): void;
  notebookOpen: boolean;
  onToggleNotebook(): void;
}

const VIEWS: { view: View; label: string; key: string }[] = [
  { view: 'library', label: 'Library', key: 'Alt+1' },
  { view: 'search', label: 'Search', key: 'Alt+2' },
  { view: 'reader', label: 'Reader', key: 'Alt+3' },
  { view: 'quotes', label: 'Quotes', key: 'Alt+4' },
  { view: 'compare', label: 'Compare', key: 'Alt+5' },
];

/** The bar over every view: the name, the five views, the search box, the notebook, the theme and the command palette. */
export function TopBar(props: TopBarProps) {
  const counts: Record<View, number> = { library: 0, search: props.hitCount, reader: props.paneCount, quotes: 0, compare: 0 };
  return (
    <header className="top-bar">
      <span className="brand" aria-label="Parallax">
        <span className="brand-mark" aria-hidden="true">
          ∥
        </span>
        Parallax
      </span>
      <nav className="view-tabs" aria-label="Views">
        {VIEWS.map(({ view, label, key }) => (
          <button
            key={view}
            type="button"
            className="view-tab"
            aria-current={props.view === view ? 'page' : undefined}
            onClick={() => props.onView(view)}
            title={`${label} (${formatBinding(key)})`}
          >
            {label}
            {counts[view] > 0 ? <span className="count">{counts[view]}</span> : null}
          </button>
        ))}
      </nav>
      <SearchBox ref={props.searchRef} {...props.search} />
      <div className="top-actions">
        <button type="button" className="ghost notebook-toggle" aria-pressed={props.notebookOpen} onClick={props.onToggleNotebook} title={`Show or hide the notebook (${formatBinding('Alt+6')})`}>
          <span aria-hidden="true">✎</span> Notebook
        </button>
        <button type="button" className="ghost" onClick={props.onToggleTheme} aria-label={props.theme === 'dark' ? 'Switch to the light theme' : 'Switch to the dark theme'} title="Alt+Shift+L">
          <span aria-hidden="true">{props.theme === 'dark' ? '☀' : '☾'}</span> {props.theme === 'dark' ? 'Light' : 'Dark'}
        </button>
        <button type="button" className="ghost" onClick={props.onPalette} aria-haspopup="dialog">
          Commands <Shortcut binding="Mod+K" />
        </button>
      </div>
    </header>
  );
}
