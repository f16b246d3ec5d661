import type { Result } from './result';
import type {
  BoilerplateEntry,
  DocumentDetails,
  DocumentSummary,
  IngestReport,
  MetadataField,
} from './library';
import type { SearchHitDetails, SearchRequest } from './search';

/** Library methods: ingest files, list documents, read their text, correct their metadata. */
export interface LibraryMethods {
  ingest(input: { paths: string[]; story?: string }): Promise<Result<IngestReport>>;
  listDocuments(input: { story?: string }): Promise<Result<DocumentSummary[]>>;
  getDocument(input: { doc: string }): Promise<Result<DocumentDetails>>;
  getDocumentText(input: { doc: string; raw?: boolean }): Promise<Result<{ id: string; text: string }>>;
  listBoilerplate(input: { doc: string }): Promise<Result<BoilerplateEntry[]>>;
  setBoilerplateRestored(input: { doc: string; index: number; restored: boolean }): Promise<Result<{ id: string }>>;
  setMetadataOverride(input: { doc: string; field: MetadataField; value: string | null }): Promise<Result<DocumentSummary>>;
  clearMetadataOverride(input: { doc: string; field: MetadataField }): Promise<Result<DocumentSummary>>;
  listStories(input: Record<string, never>): Promise<Result<{ name: string; documents: number }[]>>;
}

/** Search methods: library-wide (FTS5) and per story (lunr passages). */
export interface SearchMethods {
  search(input: SearchRequest): Promise<Result<SearchHitDetails[]>>;
}

/** The whole contract every transport (worker, IPC, HTTP, CLI) carries unchanged. */
export type Api = LibraryMethods & SearchMethods;

/** Names of the contract's methods. */
export type ApiMethod = keyof Api;

/** The contract's method names, for transports that register one channel per method. */
export const API_METHODS: readonly ApiMethod[] = [
  'ingest',
  'listDocuments',
  'getDocument',
  'getDocumentText',
  'listBoilerplate',
  'setBoilerplateRestored',
  'setMetadataOverride',
  'clearMetadataOverride',
  'listStories',
  'search',
];
