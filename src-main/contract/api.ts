import type { Result } from './result';
import type {
  BoilerplateEntry,
  DocumentDetails,
  DocumentListEntry,
  DocumentPage,
  DocumentPageRequest,
  DocumentSummary,
  IngestReport,
  LibraryNotice,
  MetadataField,
  OutletList,
} from './library';
import type { SearchHitDetails, SearchRequest } from './search';
import type { IngestProgress } from './library';
import type { ReaderView, RelatedPassage, SharedPassage } from './reader';
import type { Quote, QuoteCluster, QuoteVerification } from './quotes';
import type { Claim, ComparedPassage, ComparedPassagePage, ProvenanceEdge, StoryComparison } from './compare';
import type {
  DocumentNoteMark,
  Note,
  NoteExportFormat,
  NoteFilter,
  NoteImportReport,
  NoteRevision,
  PassageTarget,
  TagCount,
} from './notes';

/** Library methods: ingest files, list documents, read their text, correct their metadata. */
export interface LibraryMethods {
  ingest(input: { paths: string[]; story?: string }): Promise<Result<IngestReport>>;
  /** Documents in path order; `offset` and `limit` give a part of that list (the workbench reads a large library in parts). */
  listDocuments(input: { story?: string; offset?: number; limit?: number }): Promise<Result<DocumentListEntry[]>>;
  /** A window of the library list, filtered and sorted by the engine: the workbench's list of 100k rows asks only for those it shows. */
  listDocumentPage(input: DocumentPageRequest): Promise<Result<DocumentPage>>;
  /** The outlets the library's documents name, for the outlet filter. */
  listOutlets(input: Record<string, never>): Promise<Result<OutletList>>;
  getDocument(input: { doc: string }): Promise<Result<DocumentDetails>>;
  getDocumentText(input: { doc: string; raw?: boolean }): Promise<Result<{ id: string; text: string }>>;
  listBoilerplate(input: { doc: string }): Promise<Result<BoilerplateEntry[]>>;
  setBoilerplateRestored(input: { doc: string; index: number; restored: boolean }): Promise<Result<{ id: string }>>;
  setMetadataOverride(input: { doc: string; field: MetadataField; value: string | null }): Promise<Result<DocumentSummary>>;
  clearMetadataOverride(input: { doc: string; field: MetadataField }): Promise<Result<DocumentSummary>>;
  listStories(input: Record<string, never>): Promise<Result<{ name: string; documents: number }[]>>;
  /** What the reporter must be told about the library file: e.g. it was damaged and its newest backup restored. */
  getLibraryStatus(input: Record<string, never>): Promise<Result<{ notices: LibraryNotice[] }>>;
}

/** Search methods: library-wide (FTS5) and per story (lunr passages). */
export interface SearchMethods {
  search(input: SearchRequest): Promise<Result<SearchHitDetails[]>>;
}

/** Reading methods: the reader's view of a document, passages related to a selection, passages documents share. */
export interface ReaderMethods {
  /**
   * The reader's view of a document; with `head` (characters, 1 to READER_HEAD_LIMIT), of its opening only when the
   * text is longer: cut at the end of the paragraph holding offset `head`, `complete: false` (see ReaderView).
   */
  getReaderView(input: { doc: string; head?: number }): Promise<Result<ReaderView>>;
  /** Passages in the `within` documents that match the selection [start, end) of `doc`: verbatim first, then related. */
  findRelatedPassages(input: { doc: string; start: number; end: number; within: string[]; limit?: number }): Promise<Result<RelatedPassage[]>>;
  /** Passages shared by each pair of the given documents (2 to 4), in the order of the first document's text. */
  listSharedPassages(input: { docs: string[] }): Promise<Result<SharedPassage[]>>;
}

/** Quote methods: every quote with its speaker, the same quote across sources, and checking a quote. */
export interface QuoteMethods {
  /** Quotes in text order per document; filters combine (speaker matches the canonical name, case-insensitive). */
  listQuotes(input: { doc?: string; speaker?: string; story?: string }): Promise<Result<Quote[]>>;
  /** Clusters of the same quote across the library or one story, most sources first. */
  listQuoteClusters(input: { story?: string }): Promise<Result<QuoteCluster[]>>;
  /** Where a quote appears (verbatim, altered, or nowhere) and whom each source credits. */
  verifyQuote(input: { text: string; story?: string }): Promise<Result<QuoteVerification>>;
}

/** Compare methods: shared and unique passages across sources, claims with their independent origins, who cites whom. */
export interface CompareMethods {
  /** Passages shared by each pair of documents (the given ones, a story's, or the library's), each pair once. */
  comparePassages(input: { docs?: string[]; story?: string }): Promise<Result<ComparedPassage[]>>;
  /** Part of that list (up to 10,000 passages from `offset`), so a large story's passages are read without holding all
   * their texts at once. */
  comparePassagePage(input: { docs?: string[]; story?: string; offset: number; limit: number }): Promise<Result<ComparedPassagePage>>;
  /** Matching sentences across sources grouped into claims, with their independent origins, most sources first. */
  listClaims(input: { story?: string }): Promise<Result<Claim[]>>;
  /** Every credit from a source to another outlet or agency ("according to NBC News", "(AP)"). */
  listProvenance(input: { story?: string }): Promise<Result<ProvenanceEdge[]>>;
  /** The Compare view of a story: its documents with their unique passages, its claims and its provenance. */
  getStoryComparison(input: { story?: string }): Promise<Result<StoryComparison>>;
}

/** Notebook methods: notes anchored to passages, kept through edits of their sources, never lost, exported. */
export interface NoteMethods {
  /** Notes, most recently updated first; anchors re-resolved first if their documents changed. */
  listNotes(input: NoteFilter): Promise<Result<Note[]>>;
  getNote(input: { id: string }): Promise<Result<Note>>;
  /** A new note on one or more passages (possibly in different sources); its first revision is kept. */
  createNote(input: { body?: string; tags?: string[]; passages: PassageTarget[] }): Promise<Result<Note>>;
  /** Saves the body and/or tags (autosave); a revision is kept at most every few minutes. */
  updateNote(input: { id: string; body?: string; tags?: string[] }): Promise<Result<Note>>;
  /** Anchors one more passage to a note. */
  addNotePassage(input: { id: string; passage: PassageTarget }): Promise<Result<Note>>;
  /** Removes one passage from a note (a revision is kept first, so it can be restored). */
  removeNotePassage(input: { id: string; anchorId: string }): Promise<Result<Note>>;
  /** Moves a note to the trash (a revision is kept first); nothing is erased. */
  deleteNote(input: { id: string }): Promise<Result<Note>>;
  /** Brings a note back from the trash. */
  restoreNote(input: { id: string }): Promise<Result<Note>>;
  /** A note's revisions, newest first. */
  listNoteRevisions(input: { id: string }): Promise<Result<NoteRevision[]>>;
  /** Puts a note back as a revision had it (the current state is kept as a revision first). */
  restoreNoteRevision(input: { id: string; revision: number }): Promise<Result<Note>>;
  /** The live notes anchored in one document, as the reader highlights them. */
  listDocumentNotes(input: { doc: string }): Promise<Result<DocumentNoteMark[]>>;
  /** Tags of live notes with how many notes carry each, most used first. */
  listNoteTags(input: Record<string, never>): Promise<Result<TagCount[]>>;
  /** The live notebook as Markdown, JSON (lossless, re-importable, includes the trash), CSV or W3C Web Annotations. */
  exportNotes(input: { format: NoteExportFormat }): Promise<Result<{ text: string; mediaType: string; fileName: string }>>;
  /** Imports a JSON export: notes already present (same id) are left alone; passages re-attach by document. */
  importNotes(input: { text: string }): Promise<Result<NoteImportReport>>;
}

/** Shell methods: what only a desktop window can do; the browser host answers them with an 'unsupported' error. */
export interface ShellMethods {
  /** Asks the reporter for a folder with the system dialog; null when they cancel. */
  chooseFolder(input: Record<string, never>): Promise<Result<{ path: string | null }>>;
}

/** The whole contract every transport (worker, IPC, HTTP, CLI) carries unchanged. */
export type Api = LibraryMethods & SearchMethods & ReaderMethods & QuoteMethods & CompareMethods & NoteMethods & ShellMethods;

/** Events the engine sends while it works, by name. */
export interface ApiEvents {
  progress: IngestProgress;
  /** A command chosen in the desktop app's menu (e.g. "import-folder", "find"), run by the renderer's registry. */
  command: { name: string };
}

/** What the renderer holds: the contract plus event subscriptions (preload bridge or HTTP; it cannot tell which). */
export type ApiClient = Api & {
  on<Event extends keyof ApiEvents>(event: Event, listener: (payload: ApiEvents[Event]) => void): () => void;
};

/** Names of the contract's methods. */
export type ApiMethod = keyof Api;

/** The contract's method names, for transports that register one channel per method. */
export const API_METHODS: readonly ApiMethod[] = [
  'ingest',
  'listDocuments',
  'listDocumentPage',
  'listOutlets',
  'getDocument',
  'getDocumentText',
  'listBoilerplate',
  'setBoilerplateRestored',
  'setMetadataOverride',
  'clearMetadataOverride',
  'listStories',
  'getLibraryStatus',
  'search',
  'getReaderView',
  'findRelatedPassages',
  'listSharedPassages',
  'listQuotes',
  'listQuoteClusters',
  'verifyQuote',
  'comparePassages',
  'comparePassagePage',
  'listClaims',
  'listProvenance',
  'getStoryComparison',
  'listNotes',
  'getNote',
  'createNote',
  'updateNote',
  'addNotePassage',
  'removeNotePassage',
  'deleteNote',
  'restoreNote',
  'listNoteRevisions',
  'restoreNoteRevision',
  'listDocumentNotes',
  'listNoteTags',
  'exportNotes',
  'importNotes',
  'chooseFolder',
];

/** Methods the engine does not implement: the shell (Electron main) answers them. */
export const SHELL_METHODS: readonly ApiMethod[] = ['chooseFolder'];
