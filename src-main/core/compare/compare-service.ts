/**
 * The compare methods of the engine: shared passages across documents, each source's unique passages, claims with
 * their independent origins, and who cites whom. Shared passages are computed per scope (given documents, a story or
 * the library) and kept in memory; a scope that only gained documents is brought up to date incrementally, aligning
 * each new document with its fingerprint candidates only.
 */
import type { Connection } from '../store/database';
import type { Result } from '../../contract/result';
import { failure, success } from '../../contract/result';
import type { Claim, ComparedDocument, ComparedPassage, ProvenanceEdge, StoryComparison } from '../../contract/compare';
import type { DocumentRow } from '../store/documents';
import { findStory } from '../store/stories';
import { listCompareDocuments, readingTexts, scopeSignature, type CompareDocumentRow, type CompareScope } from '../store/compare-documents';
import {
  alignLibrary,
  candidatePairs,
  groupLibrary,
  indexLibrary,
  passagesForNewDocument,
  prepareLibrary,
  uniqueRanges,
  type LibraryPassage,
} from './library-passages';
import type { PassageIndex } from './passage-index';
import { findAttributions } from './provenance';
import { analyzeClaims, type ClaimAnalysis, type ClaimOverrides } from './claims';
import { TooManyMatches } from './claim-matching';
import type { Attribution, CompareDocument } from './types';

/** Finds a document by id or path (the engine's resolver, passed in to keep this module free of the engine). */
type ResolveDocument = (db: Connection, reference: string) => Result<DocumentRow>;

/** New documents a cached comparison absorbs one by one; more than this and the scope is compared afresh. */
const INCREMENTAL_LIMIT = 200;

/** One scope's shared passages, the documents they were computed for, and the index new documents are matched with. */
interface ScopePassages {
  hashes: Map<number, string>;
  passages: LibraryPassage[];
  index: PassageIndex;
}

/** Shared passages of the documents in `hashes` (rowid → text hash), computed afresh. */
function computePassages(db: Connection, hashes: Map<number, string>): ScopePassages {
  const texts = readingTexts(db, [...hashes.keys()]);
  const documents = [...hashes.keys()].sort((left, right) => left - right).map((rowid) => ({ id: rowid, text: texts.get(rowid) ?? '' }));
  const library = prepareLibrary(documents);
  const grams = groupLibrary(library);
  const passages = alignLibrary(library, grams, candidatePairs(library, grams));
  return { hashes, passages, index: indexLibrary(library) };
}

/** Brings a cached comparison up to date when documents were only added (none changed or removed); else null. */
function extendPassages(db: Connection, cached: ScopePassages, current: Map<number, string>): ScopePassages | null {
  for (const [rowid, hash] of cached.hashes) if (current.get(rowid) !== hash) return null;
  const added = [...current.keys()].filter((rowid) => !cached.hashes.has(rowid)).sort((left, right) => left - right);
  if (added.length > INCREMENTAL_LIMIT) return null;
  const passages = [...cached.passages];
  for (const rowid of added) {
    const text = readingTexts(db, [rowid]).get(rowid) ?? '';
    const found = passagesForNewDocument(cached.index, { id: rowid, text }, (other) => readingTexts(db, [other]).get(other));
    passages.push(...found.passages);
  }
  passages.sort((left, right) => left.a.documentId - right.a.documentId || left.b.documentId - right.b.documentId || left.a.start - right.a.start);
  return { hashes: current, passages, index: cached.index };
}

/** The contract's side of a passage: the public id, path and exact slice. */
function sideOf(rows: ReadonlyMap<number, { id: string; path: string }>, slice: LibraryPassage['a']): ComparedPassage['a'] {
  const row = rows.get(slice.documentId);
  return { id: row?.id ?? '', path: row?.path ?? '', start: slice.start, end: slice.end, text: slice.text };
}

/** A compared document as the claim and provenance modules see it. */
function compareDocumentOf(row: CompareDocumentRow): CompareDocument {
  return { id: row.id, text: row.text, outlet: row.outlet, publishedAt: row.published };
}

/** Options of the compare service: the claim analysis' settings (tests lower its matching-pair limit). */
export interface CompareServiceOptions {
  claims?: ClaimOverrides;
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

  /** The scope's shared passages, from the cache when current, extended when documents were only added; with the
   * scope's documents by rowid (id and path). */
  const passagesOf = (key: string, scope: CompareScope): { passages: LibraryPassage[]; documents: Map<number, { id: string; path: string }> } => {
    const signature = scopeSignature(db, scope);
    const documents = new Map(signature.map((row) => [row.rowid, row]));
    const current = new Map(signature.map((row) => [row.rowid, row.textHash]));
    const cached = cache.get(key);
    if (cached !== undefined && cached.hashes.size === current.size && [...current].every(([rowid, hash]) => cached.hashes.get(rowid) === hash)) {
      return { passages: cached.passages, documents };
    }
    const next = (cached && extendPassages(db, cached, current)) ?? computePassages(db, current);
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
      return failure(
        'unsupported',
        `These ${rows.length} documents repeat the same sentences so often (the same wire copy in many of them) that claims would need more than ${error.limit.toLocaleString('en-US')} matching pairs of sentences, more than can be grouped in reasonable time and memory. Choose a smaller story.`,
      );
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

  return {
    /** Forgets cached comparisons (documents changed through this connection). */
    invalidate(): void {
      cache.clear();
    },

    /** Passages shared by each pair of documents in the scope, each pair once. */
    comparePassages(input: { docs?: string[]; story?: string }): Result<ComparedPassage[]> {
      const scoped = scopeOf(input);
      if (!scoped.ok) return scoped;
      const { passages, documents } = passagesOf(scoped.value.key, scoped.value.scope);
      return success(passages.map((passage) => ({ a: sideOf(documents, passage.a), b: sideOf(documents, passage.b), similarity: passage.similarity })));
    },

    /** Claims of a story (or of the library) with their independent origins; refused past the matching-pair limit (TooManyMatches). */
    listClaims(input: { story?: string }): Result<Claim[]> {
      const scoped = scopeOf({ story: input.story });
      if (!scoped.ok) return scoped;
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
      const rows = listCompareDocuments(db, scoped.value.scope);
      const attributions = attributionsOf(rows);
      // Past the matching-pair limit the rest of the comparison still stands; the view says why claims are missing.
      const claims = claimsOf(rows, attributions);
      const { passages } = passagesOf(scoped.value.key, scoped.value.scope);
      const byDocument = new Map<number, LibraryPassage[]>();
      for (const passage of passages) {
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
