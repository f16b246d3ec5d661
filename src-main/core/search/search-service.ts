import type { Connection } from '../store/database';
import type { Result } from '../../contract/result';
import { failure, success } from '../../contract/result';
import type { SearchHitDetails, SearchRequest } from '../../contract/search';
import { createLibrarySearch } from './library-search';
import { createStoryIndexCache, PASSAGE_FIELDS } from './story-index';
import { searchStory } from './story-search';
import { parseQuery } from './query-parser';

/** Default and largest number of results. */
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 10000;

/** The search capability of the engine: the library through FTS5, or a story's passages through lunr. */
export function createSearchService(db: Connection) {
  const library = createLibrarySearch(db);
  const stories = createStoryIndexCache(db);
  return {
    /** Forgets caches that depend on the index (called after every change to documents). */
    invalidate(): void {
      library.invalidate();
    },
    /** Runs one search request. */
    search(request: SearchRequest): Result<SearchHitDetails[]> {
      if (typeof request?.query !== 'string') return failure('bad-request', 'A search needs a query.');
      if (request.query.trim() === '') return failure('bad-query', 'Type something to search for.');
      const limit = request.limit ?? DEFAULT_LIMIT;
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
        return failure('bad-request', `The number of results must be a whole number from 1 to ${MAX_LIMIT}.`);
      }
      if (request.story === undefined) return library.search(request.query, limit);
      const parsed = parseQuery(request.query, { fields: PASSAGE_FIELDS });
      if (!parsed.ok) return failure('bad-query', parsed.error.message, { position: parsed.error.position });
      const index = stories.get(request.story);
      if (!index) return failure('not-found', `There is no story named "${request.story}".`);
      return success(searchStory(index, parsed.query, limit));
    },
  };
}
