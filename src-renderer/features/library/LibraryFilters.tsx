import { useEffect, useState } from 'react';
import { isFiltering, NO_FILTER, UNKNOWN_OUTLET, type LibraryFilter, type OutletList } from '../../../src-main/contract/library';
import { api } from '../../api/client';
import { plural } from '../../components/document-label';
import type { StorySummary } from './use-documents';

/** The library's filter bar: story, outlet, date range and words in the title, path or byline. */
export function LibraryFilters({
  filter,
  onChange,
  revision,
  stories,
}: {
  filter: LibraryFilter;
  onChange(filter: LibraryFilter): void;
  /** The library's revision: the outlets are asked for again when it changes. */
  revision: number;
  stories: readonly StorySummary[];
}) {
  const { outlets, someUnknown } = useOutlets(revision);
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

/** The library's outlets, from the engine, asked for again at each revision of the library. */
function useOutlets(revision: number): OutletList {
  const [outlets, setOutlets] = useState<OutletList>({ outlets: [], someUnknown: false });
  useEffect(() => {
    let current = true;
    void api()
      .listOutlets({})
      .then((result) => current && result.ok && setOutlets(result.value));
    return () => {
      current = false;
    };
  }, [revision]);
  return outlets;
}
