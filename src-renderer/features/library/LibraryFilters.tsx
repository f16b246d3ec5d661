import type { DocumentSummary } from '../../../src-main/contract/library';
import { plural } from '../../components/document-label';
import { UNKNOWN_OUTLET, isFiltering, NO_FILTER, outletsOf, type LibraryFilter } from './library-filter';
import type { StorySummary } from './use-documents';
import { useMemo } from 'react';

/** The library's filter bar: story, outlet, date range and words in the title, path or byline. */
export function LibraryFilters({
  filter,
  onChange,
  documents,
  stories,
}: {
  filter: LibraryFilter;
  onChange(filter: LibraryFilter): void;
  documents: readonly DocumentSummary[];
  stories: readonly StorySummary[];
}) {
  const { outlets, someUnknown } = useMemo(() => outletsOf(documents), [documents]);
  const set = (part: Partial<LibraryFilter>) => onChange({ ...filter, ...part });
  return (
    <div className="library-filters" role="group" aria-label="Filter the library">
      <label>
        <span>Story</span>
        <select value={filter.story} onChange={(event) => set({ story: event.target.value })}>
          <option value="">All stories</option>
          {stories.map((story) => (
            <option key={story.name} value={story.name}>
              {story.name} ({plural(story.documents, 'document')})
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Outlet</span>
        <select value={filter.outlet} onChange={(event) => set({ outlet: event.target.value })}>
          <option value="">All outlets</option>
          {outlets.map((outlet) => (
            <option key={outlet} value={outlet}>
              {outlet}
            </option>
          ))}
          {someUnknown ? <option value={UNKNOWN_OUTLET}>Outlet not known</option> : null}
        </select>
      </label>
      <label>
        <span>Published from</span>
        <input type="date" value={filter.from} max={filter.to || undefined} onChange={(event) => set({ from: event.target.value })} />
      </label>
      <label>
        <span>to</span>
        <input type="date" value={filter.to} min={filter.from || undefined} onChange={(event) => set({ to: event.target.value })} />
      </label>
      <label className="filter-text">
        <span>Title, file, byline</span>
        <input type="search" value={filter.text} placeholder="Filter the list" onChange={(event) => set({ text: event.target.value })} />
      </label>
      {isFiltering(filter) ? (
        <button type="button" className="link-button" onClick={() => onChange(NO_FILTER)}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
