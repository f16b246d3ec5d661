import { forwardRef, type KeyboardEvent } from 'react';
import { searchHitId } from './SearchResults';
import { SYNTAX_SUMMARY, SyntaxHelp } from './SyntaxHelp';
import type { SearchState } from './use-search';
import { Shortcut } from '../../components/Shortcut';

/** What the search box reports while the reporter types and moves through results. */
export interface SearchBoxProps {
  state: SearchState;
  onQuery(query: string): void;
  onMove(step: number): void;
  /** Opens the active result; `beside` adds a pane instead of replacing one. */
  onOpen(beside: boolean): void;
  /** The box gained focus or changed: the results should be in view. */
  onEngage(): void;
}

/** The one search box: a combobox whose ↑/↓/Enter drive the results list. */
export const SearchBox = forwardRef<HTMLInputElement, SearchBoxProps>(function SearchBox({ state, onQuery, onMove, onOpen, onEngage }, ref) {
  const hasResults = state.hits.length > 0;
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      onEngage();
      onMove(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter' && hasResults) onOpen(event.altKey);
    else if (event.key === 'Escape' && state.query) onQuery('');
    else if (event.key === 'Escape') event.currentTarget.blur();
    else return;
    event.preventDefault();
  }
  return (
    <div className="search-box" role="search">
      <label htmlFor="search-input" className="visually-hidden">
        Search the library
      </label>
      <input
        ref={ref}
        id="search-input"
        type="search"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-expanded={hasResults}
        aria-controls="search-results"
        aria-autocomplete="list"
        aria-activedescendant={hasResults ? searchHitId(state.activeIndex) : undefined}
        aria-invalid={state.error !== null}
        aria-describedby={state.error ? 'search-error' : 'search-syntax'}
        placeholder='Search: words, "phrases", outlet:name, cartel*…'
        title={SYNTAX_SUMMARY}
        value={state.query}
        onChange={(event) => {
          onQuery(event.target.value);
          onEngage();
        }}
        onFocus={() => state.query && onEngage()}
        onKeyDown={onKeyDown}
      />
      <Shortcut binding="Mod+F" />
      <SyntaxHelp />
    </div>
  );
});
