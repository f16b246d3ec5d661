/**
 * The compare methods of the engine: shared passages across documents, each source's unique passages, claims with
 * their independent origins, and who cites whom. Shared passages are computed per scope (given documents, a story or
 * the library) and kept in memory as offsets; a scope of up to ONE_PIECE_LIMIT documents is compared in one piece and
 * keeps its fingerprint index, so when it only gains documents each new one is aligned with its candidates only; a
 * larger scope is compared in shards (sharded-passages.ts), holding a few thousand texts at a time.
 */
import { statement, type Connection } from '../store/database';
import type { Result } from '../../contract/result';
import { failure, success } from '../../contract/result';
import type { Claim, ComparedDocument, ComparedPassage, ComparedPassagePage, ProvenanceEdge, StoryComparison } from '../../contract/compare';
import type { DocumentRow } from '../store/documents';
import { findStory } from '../store/stories';
import { listCompareDocuments, readingTexts, scopeRowids, scopeSignature, type CompareDocumentRow, type CompareScope } from '../store/compare-documents';
import {
  alignLibrary,
  candidatePairs,
  groupLibrary,
  indexLibrary,
  passagesForNewDocument,
  prepareLibrary,
  uniqueRanges,
} from './library-passages';
import type { PassageIndex } from './passage-index';
import { DEFAULT_SHARDED_PASSAGES, PassageTable, findPassagesInShards, type PassageOffsets } from './sharded-passages';
import { findAttributions } from './provenance';
import { analyzeClaims, type ClaimAnalysis, type ClaimOverrides } from './claims';
import { DEFAULT_MATCH_OPTIONS, DEFAULT_GRAPH_LIMITS, TooManyMatches } from './claim-matching';
import { RepeatedUnits } from './claim-repeats';
import { DEFAULT_UNIT_OPTIONS } from './clauses';
import type { Attribution, CompareDocument } from './types';

/** Finds a document by id or path (the engine's resolver, passed in to keep this module free of the engine). */
type ResolveDocument = (db: Connection, reference: string) => Result<DocumentRow>;

/** New documents a cached comparison absorbs one by one; more than this and the scope is compared afresh. */
const INCREMENTAL_LIMIT = 200;

/**
 * Scopes of up to this many documents are compared in one piece: every text, its words and n-grams in memory at
 * once (about 50 KB a document while it runs, 500 MB for 10,000), the fastest way. Larger scopes go in shards
 * (sharded-passages.ts), which read some texts more than once but hold one shard at a time.
 */
const ONE_PIECE_LIMIT = 10_000;

/**
 * Claims of scopes larger than this are first checked a batch of texts at a time: when the units repeated word for
 * word already make more matching pairs than the limit, the scope is refused before the analysis holds every text,
 * unit and vector at once (4 GB for 100,000 articles; see claim-repeats.ts).
 */
const CLAIMS_CHECK_FROM = 10_000;

/** Texts read at a time when counting repeated units. */
const CHECK_BATCH = 500;

/** One scope's shared passages (offsets), the documents they were computed for, and, for a scope compared in one
 * piece, the index new documents are matched with. */
interface ScopePassages {
  hashes: Map<number, string>;
  passages: PassageTable;
  index: PassageIndex | null;
}

/** Shared passages of the documents in `hashes` (rowid → text hash), computed afresh. */
function computePassages(db: Connection, hashes: Map<number, string>, onePieceLimit: number): ScopePassages {
  const rowids = [...hashes.keys()].sort((left, right) => left - right);
  if (rowids.length > onePieceLimit) {
    const passages = findPassagesInShards(rowids, (ids) => readingTexts(db, ids), { shardDocuments: Math.min(onePieceLimit, DEFAULT_SHARDED_PASSAGES.shardDocuments) });
    return { hashes, passages, index: null };
  }
  const texts = readingTexts(db, rowids);
  const library = prepareLibrary(rowids.map((rowid) => ({ id: rowid, text: texts.get(rowid) ?? '' })));
  const grams = groupLibrary(library);
  const passages = PassageTable.of(alignLibrary(library, grams, candidatePairs(library, grams)));
  return { hashes, passages, index: indexLibrary(library) };
}

/** Brings a cached comparison up to date when documents were only added (none changed or removed) and it kept its
 * index; else null. */
function extendPassages(db: Connection, cached: ScopePassages, current: Map<number, string>): ScopePassages | null {
  if (cached.index === null) return null;
  for (const [rowid, hash] of cached.hashes) if (current.get(rowid) !== hash) return null;
  const added = [...current.keys()].filter((rowid) => !cached.hashes.has(rowid)).sort((left, right) => left - right);
  if (added.length > INCREMENTAL_LIMIT) return null;
  const passages: PassageOffsets[] = Array.from({ length: cached.passages.length }, (_, index) => cached.passages.at(index));
  for (const rowid of added) {
    const text = readingTexts(db, [rowid]).get(rowid) ?? '';
    const found = passagesForNewDocument(cached.index, { id: rowid, text }, (other) => readingTexts(db, [other]).get(other));
    passages.push(...found.passages);
  }
  passages.sort((left, right) => left.a.documentId - right.a.documentId || left.b.documentId - right.b.documentId || left.a.start - right.a.start);
  return { hashes: current, passages: PassageTable.of(passages), index: cached.index };
}

/**
 * Documents whose texts are read at a time when passages are listed. A few hundred texts die young; a page's
 * thousands held at once outlived V8's young generation and piled up as old garbage (+1 GB of resident memory while
 * the 830k passages of a 100k story were listed page by page).
 */
const TEXT_CHUNK = 256;

/** A copy of a slice that does not keep its whole text alive (V8 makes a long slice a view of its parent). */
function detached(slice: string): string {
  return Buffer.from(slice, 'utf16le').toString('utf16le');
}

/**
 * Passages [from, to) of a table as the contract gives them: each side's public id, path and exact slice. Texts are
 * read TEXT_CHUNK documents at a time, each once per answer, and the slices copied out of them.
 */
function comparedPassages(db: Connection, rows: ReadonlyMap<number, { id: string; path: string }>, table: PassageTable, from: number, to: number): ComparedPassage[] {
  const range = Array.from({ length: Math.max(0, to - from) }, (_, index) => table.at(from + index));
  // Side 2k is passage k's a, side 2k + 1 its b; each document lists the sides cut from it.
  const sides = range.flatMap((passage) => [passage.a, passage.b]);
  const sidesOf = new Map<number, number[]>();
  sides.forEach((side, index) => {
    const list = sidesOf.get(side.documentId);
    if (list) list.push(index);
    else sidesOf.set(side.documentId, [index]);
  });
  const texts: string[] = new Array<string>(sides.length).fill('');
  const documents = [...sidesOf.keys()];
  for (let start = 0; start < documents.length; start += TEXT_CHUNK) {
    const chunk = documents.slice(start, start + TEXT_CHUNK);
    const read = readingTexts(db, chunk);
    for (const documentId of chunk) {
      const text = read.get(documentId) ?? '';
      for (const index of sidesOf.get(documentId)!) texts[index] = detached(text.slice(sides[index]!.start, sides[index]!.end));
    }
  }
  const sideOf = (index: number): ComparedPassage['a'] => {
    const slice = sides[index]!;
    const row = rows.get(slice.documentId);
    return { id: row?.id ?? '', path: row?.path ?? '', start: slice.start, end: slice.end, text: texts[index]! };
  };
  return range.map((passage, index) => ({ a: sideOf(2 * index), b: sideOf(2 * index + 1), similarity: passage.similarity }));
}

/** Pairs of units in different documents of the scope with the same content terms: a lower bound on the match graph's
 * pairs (claim-repeats.ts), counted with a batch of texts in memory at a time. */
function repeatedUnitPairs(db: Connection, rowids: readonly number[], claims: ClaimOverrides): number {
  const counter = new RepeatedUnits({ ...DEFAULT_UNIT_OPTIONS, ...claims.units }, claims.matching?.minSharedTerms ?? DEFAULT_MATCH_OPTIONS.minSharedTerms);
  for (let from = 0; from < rowids.length; from += CHECK_BATCH) {
    const batch = rowids.slice(from, from + CHECK_BATCH);
    const texts = readingTexts(db, batch);
    for (const rowid of batch) counter.addDocument(texts.get(rowid) ?? '');
  }
  return counter.pairs();
}

/** Why a scope's claims are refused: `documents` repeat sentences past the matching-pair `limit` (`repeated` pairs of
 * them word for word, when counted first). */
function tooManyMatches(documents: number, limit: number, repeated?: number): Result<never> {
  const counted = repeated === undefined ? '' : ` (sentences repeated word for word alone make ${repeated.toLocaleString('en-US')})`;
  return failure(
    'unsupported',
    `These ${documents} documents repeat the same sentences so often (the same wire copy in many of them) that claims would need more than ${limit.toLocaleString('en-US')} matching pairs of sentences${counted}, more than can be grouped in reasonable time and memory. Choose a smaller story.`,
  );
}

/** A compared document as the claim and provenance modules see it. */
function compareDocumentOf(row: CompareDocumentRow): CompareDocument {
  return { id: row.id, text: row.text, outlet: row.outlet, publishedAt: row.published };
}

/** Options of the compare service: the claim analysis' settings (tests lower its matching-pair limit), and the
 * largest scope compared in one piece, which also caps a shard's size (tests lower it to compare small scopes in shards). */
export interface CompareServiceOptions {
  claims?: ClaimOverrides;
  onePieceLimit?: number;
  /** Scopes of more documents have their claims checked for repeats first (CLAIMS_CHECK_FROM; tests lower it). */
  claimsCheckFrom?: number;
}

/** Creates the compare service over one connection. */
export function createCompareService(db: Connection, resolveDocument: ResolveDocument, options: CompareServiceOptions = {}) {
  const cache = new Map<string, ScopePassages>();

  const scopeOf = (input: { docs?: string[]; story?: string }): Result<{ key: string; scope: CompareScope }> => {
    if (input.docs !== undefined) {
      const rowids: number[] = [];
      for (const reference of input.docs) {
        const found = resolveDocument(db, reference);
        if (!found.ok) return found;
        if (!rowids.includes(found.value.rowid)) rowids.push(found.value.rowid);
      }
      if (rowids.length < 2) return failure('bad-request', 'Choose at least 2 different documents to compare.');
      rowids.sort((left, right) => left - right);
      return success({ key: `docs:${rowids.join(',')}`, scope: { documentRowids: rowids } });
    }
    if (input.story !== undefined) {
      const rowid = findStory(db, input.story);
      if (rowid === undefined) return failure('not-found', `There is no story named "${input.story}".`);
      return success({ key: `story:${rowid}`, scope: { storyRowid: rowid } });
    }
    return success({ key: 'library', scope: {} });
  };

  /** What tells whether documents may have changed since: SQLite's data_version (other connections' commits) and
   * this connection's count of changed rows. */
  const writeMark = (): string => `${db.pragma('data_version', { simple: true }) as number}:${statement(db, 'SELECT total_changes()').pluck().get() as number}`;
  /** Per scope key, the documents (by rowid: id and path) of its cached passages, and the write mark they were read at:
   * a page after page listing of a 100k story reads the scope's signature once, not per page (1.5 s each). */
  const checked = new Map<string, { mark: string; documents: Map<number, { id: string; path: string }> }>();

  /** The scope's shared passages, from the cache when current, extended when documents were only added; with the
   * scope's documents by rowid (id and path). */
  const passagesOf = (key: string, scope: CompareScope): { passages: PassageTable; documents: Map<number, { id: string; path: string }> } => {
    const mark = writeMark();
    const cached = cache.get(key);
    const known = checked.get(key);
    if (cached !== undefined && known?.mark === mark) return { passages: cached.passages, documents: known.documents };
    const signature = scopeSignature(db, scope);
    const documents = new Map(signature.map((row) => [row.rowid, { id: row.id, path: row.path }]));
    checked.set(key, { mark, documents });
    const current = new Map(signature.map((row) => [row.rowid, row.textHash]));
    if (cached !== undefined && cached.hashes.size === current.size && [...current].every(([rowid, hash]) => cached.hashes.get(rowid) === hash)) {
      return { passages: cached.passages, documents };
    }
    const next = (cached && extendPassages(db, cached, current)) ?? computePassages(db, current, options.onePieceLimit ?? ONE_PIECE_LIMIT);
    cache.set(key, next);
    return { passages: next.passages, documents };
  };

  const attributionsOf = (rows: readonly CompareDocumentRow[]): Map<string, Attribution[]> =>
    new Map(rows.map((row) => [row.id, findAttributions(row.text, row.outlet)]));

  const provenanceOf = (rows: readonly CompareDocumentRow[], attributions: ReadonlyMap<string, readonly Attribution[]>): ProvenanceEdge[] =>
    rows.flatMap((row) =>
      (attributions.get(row.id) ?? []).map((attribution) => ({
        from: { id: row.id, path: row.path },
        to: attribution.source,
        start: attribution.start,
        end: attribution.end,
        text: attribution.text,
      })),
    );

  /** Claims of the scope's documents; `attributions` by document id. */
  const claimsOf = (rows: readonly CompareDocumentRow[], attributions: ReadonlyMap<string, readonly Attribution[]>): Result<Claim[]> => {
    let analysis: ClaimAnalysis;
    try {
      analysis = analyzeClaims(rows.map(compareDocumentOf), attributions, options.claims);
    } catch (error) {
      if (!(error instanceof TooManyMatches)) throw error;
      return tooManyMatches(rows.length, error.limit);
    }
    const paths = new Map(rows.map((row) => [row.id, row.path]));
    const claims = analysis.claims.map((claim) => ({
      id: claim.id,
      text: claim.text,
      sources: claim.sources.map((source) => ({ id: source.documentId, path: paths.get(source.documentId) ?? '', start: source.start, end: source.end, origin: source.origin })),
      origins: claim.origins,
      singleOrigin: claim.singleOrigin,
    }));
    return success(claims);
  };

  /** Per scope key, its count of repeated unit pairs and the write mark it was counted at (64 s at 100k: the claims
   * list and the Compare view of one story count it once). */
  const repeatCounts = new Map<string, { mark: string; repeated: number }>();

  /** The refusal of a large scope's claims when its repeated units alone pass the matching-pair limit; else null. */
  const refusedEarly = (key: string, scope: CompareScope): Result<never> | null => {
    const rowids = scopeRowids(db, scope);
    if (rowids.length <= (options.claimsCheckFrom ?? CLAIMS_CHECK_FROM)) return null;
    const limit = options.claims?.limits?.maxMatches ?? DEFAULT_GRAPH_LIMITS.maxMatches;
    const mark = writeMark();
    let counted = repeatCounts.get(key);
    if (counted?.mark !== mark) {
      counted = { mark, repeated: repeatedUnitPairs(db, rowids, options.claims ?? {}) };
      repeatCounts.set(key, counted);
    }
    return counted.repeated > limit ? tooManyMatches(rowids.length, limit, counted.repeated) : null;
  };

  return {
    /** Forgets cached comparisons (documents changed through this connection). */
    invalidate(): void {
      cache.clear();
      checked.clear();
      repeatCounts.clear();
    },

    /** Passages shared by each pair of documents in the scope, each pair once. */
    comparePassages(input: { docs?: string[]; story?: string }): Result<ComparedPassage[]> {
      const scoped = scopeOf(input);
      if (!scoped.ok) return scoped;
      const { passages, documents } = passagesOf(scoped.value.key, scoped.value.scope);
      return success(comparedPassages(db, documents, passages, 0, passages.length));
    },

    /** A page of comparePassages' list, in the same order (the scope is compared once and kept, as for the whole list). */
    comparePassagePage(input: { docs?: string[]; story?: string; offset: number; limit: number }): Result<ComparedPassagePage> {
      const scoped = scopeOf(input);
      if (!scoped.ok) return scoped;
      const { passages, documents } = passagesOf(scoped.value.key, scoped.value.scope);
      const from = Math.min(input.offset, passages.length);
      const to = Math.min(passages.length, from + input.limit);
      return success({ total: passages.length, offset: from, passages: comparedPassages(db, documents, passages, from, to) });
    },

    /** Claims of a story (or of the library) with their independent origins; refused past the matching-pair limit (TooManyMatches). */
    listClaims(input: { story?: string }): Result<Claim[]> {
      const scoped = scopeOf({ story: input.story });
      if (!scoped.ok) return scoped;
      const refused = refusedEarly(scoped.value.key, scoped.value.scope);
      if (refused) return refused;
      const rows = listCompareDocuments(db, scoped.value.scope);
      return claimsOf(rows, attributionsOf(rows));
    },

    /** Every credit to another outlet in the scope's documents. */
    listProvenance(input: { story?: string }): Result<ProvenanceEdge[]> {
      const scoped = scopeOf({ story: input.story });
      if (!scoped.ok) return scoped;
      const rows = listCompareDocuments(db, scoped.value.scope);
      return success(provenanceOf(rows, attributionsOf(rows)));
    },

    /** The Compare view of a story: documents with their unique passages, claims and provenance. */
    getStoryComparison(input: { story?: string }): Result<StoryComparison> {
      const scoped = scopeOf({ story: input.story });
      if (!scoped.ok) return scoped;
      const refused = refusedEarly(scoped.value.key, scoped.value.scope);
      const rows = listCompareDocuments(db, scoped.value.scope);
      const attributions = attributionsOf(rows);
      // Past the matching-pair limit the rest of the comparison still stands; the view says why claims are missing.
      const claims = refused ?? claimsOf(rows, attributions);
      const { passages } = passagesOf(scoped.value.key, scoped.value.scope);
      const byDocument = new Map<number, PassageOffsets[]>();
      for (let index = 0; index < passages.length; index++) {
        const passage = passages.at(index);
        for (const side of [passage.a.documentId, passage.b.documentId]) {
          const list = byDocument.get(side) ?? [];
          list.push(passage);
          byDocument.set(side, list);
        }
      }
      const documents: ComparedDocument[] = rows.map((row) => {
        const unique = uniqueRanges({ id: row.rowid, text: row.text }, byDocument.get(row.rowid) ?? []);
        const uniqueCharacters = unique.reduce((sum, range) => sum + (range.end - range.start), 0);
        const share = row.text.length === 0 ? 0 : Math.max(0, 1 - uniqueCharacters / row.text.trim().length);
        return {
          id: row.id,
          path: row.path,
          title: row.title,
          outlet: row.outlet,
          published: row.published,
          unique: unique.map((range) => ({ start: range.start, end: range.end, text: range.text })),
          sharedShare: Math.round(Math.min(1, share) * 1000) / 1000,
        };
      });
      return success({
        documents,
        claims: claims.ok ? claims.value : [],
        claimsSkipped: claims.ok ? null : claims.error.message,
        provenance: provenanceOf(rows, attributions),
      });
    },
  };
}
