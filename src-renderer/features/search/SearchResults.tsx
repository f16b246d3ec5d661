import { useEffect } from 'react';
import type { DocumentSummary } from '../../../src-main/contract/library';
import { RECENT_ORDER_NOTE, type SearchHitDetails } from '../../../src-main/contract/search';
import { describeSource, documentName, plural } from '../../components/document-label';
import { ErrorNote } from '../../components/ErrorNote';
import { Shortcut } from '../../components/Shortcut';
import { snippetParts } from './snippet-parts';
import type { SearchState } from './use-search';
import './search.css';

/** The DOM id of the n-th result (for the search box's aria-activedescendant). */
export function searchHitId(index: number): string {
  return `search-hit-${index}`;
}

/** What the results view needs. */
export interface SearchResultsProps {
  state: SearchState;
  documents: ReadonlyMap<string, DocumentSummary>;
  onActivate(index: number): void;
  onOpen(index: number, beside: boolean): void;
}

/** The results of the library search: title, source, snippets with the hits marked; errors in words. */
export function SearchResults({ state, documents, onActivate, onOpen }: SearchResultsProps) {
  useEffect(() => {
    document.getElementById(searchHitId(state.activeIndex))?.scrollIntoView({ block: 'nearest' });
  }, [state.activeIndex, state.hits]);

  return (
    <section className="search-view" aria-labelledby="search-heading">
      <header className="view-header">
        <div className="view-title">
          <h1 id="search-heading">Search</h1>
          <p className="quiet" role="status">
            {summary(state)}
          </p>
        </div>
        {state.hits.length > 0 ? (
          <p className="quiet keys-hint">
            <Shortcut binding="ArrowUp" /> <Shortcut binding="ArrowDown" /> move · <Shortcut binding="Enter" /> open ·{' '}
            <Shortcut binding="Alt+Enter" /> open beside
          </p>
        ) : null}
      </header>
      {state.error ? (
        <div className="query-error">
          <ErrorNote error={state.error} id="search-error" />
          <p className="quiet">Hover the ? beside the search box for the syntax.</p>
        </div>
      ) : null}
      {state.hits[0]?.order === 'recent' ? (
        <p className="search-order-note" role="note">
          {RECENT_ORDER_NOTE}
        </p>
      ) : null}
      {state.query.trim() === '' ? <p className="empty-state">Type in the search box above to search every document in the library.</p> : null}
      <ol className="search-results" role="listbox" id="search-results" aria-label="Search results">
        {state.hits.map((hit, index) => (
          <SearchResult
            key={hit.id}
            hit={hit}
            index={index}
            active={index === state.activeIndex}
            document={documents.get(hit.id)}
            onActivate={() => onActivate(index)}
            onOpen={(beside) => onOpen(index, beside)}
          />
        ))}
      </ol>
    </section>
  );
}

/** The status line over the results. */
function summary(state: SearchState): string {
  if (state.query.trim() === '') return 'Nothing searched yet.';
  if (state.searching && state.answered !== state.query.trim()) return 'Searching…';
  if (state.error) return 'This query cannot run as written.';
  return state.hits.length === 0 ? `No document matches ${state.answered}.` : `${plural(state.hits.length, 'document')} match ${state.answered}`;
}

/** One result: the document's name and source, then each snippet with its hits marked. */
function SearchResult({ hit, index, active, document, onActivate, onOpen }: {
  hit: SearchHitDetails;
  index: number;
  active: boolean;
  document: DocumentSummary | undefined;
  onActivate(): void;
  onOpen(beside: boolean): void;
}) {
  const name = documentName(document ?? hit);
  const source = document ? describeSource(document) : '';
  return (
    <li
      id={searchHitId(index)}
      role="option"
      aria-selected={active}
      className={`search-result${active ? ' active' : ''}`}
      onMouseMove={active ? undefined : onActivate}
      onClick={(event) => onOpen(event.altKey)}
    >
      <div className="result-title">
        <span className="result-name">{name}</span>
        {source ? <span className="result-source">{source}</span> : null}
      </div>
      {hit.snippets.map((snippet, snippetIndex) => (
        <p className="result-snippet" key={snippet.start}>
          {snippet.start > 0 ? '… ' : ''}
          {snippetParts(snippet, hit.highlights[snippetIndex] ?? []).map((part) =>
            part.hit ? <mark key={part.start}>{part.text}</mark> : <span key={part.start}>{part.text}</span>,
          )}
          {' …'}
        </p>
      ))}
      <p className="result-path">{hit.path}</p>
    </li>
  );
}
