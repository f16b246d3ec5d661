import lunr from 'lunr';
import { createHash } from 'node:crypto';
import { statement, type Connection } from '../store/database';
import { findStory } from '../store/stories';
import { splitPassages, type Passage } from './passages';

/** One document of a story as its passage index sees it. */
export interface StoryDocument {
  id: string;
  path: string;
  title: string | null;
  outlet: string | null;
  byline: string | null;
  text: string;
}

/** A story's in-memory passage index with the passages and texts it refers to. */
export interface StoryIndex {
  fingerprint: string;
  index: lunr.Index;
  passages: Passage[];
  documents: Map<string, StoryDocument>;
}

/** Fields of each passage in the lunr index: its text, plus its document's metadata for field queries. */
export const PASSAGE_FIELDS = ['title', 'outlet', 'byline', 'text'] as const;

/** What a story's passage index depends on, per member: id, text hash and the metadata it indexes (no text). */
interface MemberKey {
  id: string;
  text_hash: string;
  title: string | null;
  outlet: string | null;
  byline: string | null;
}

const MEMBERS = `FROM story_documents sd JOIN documents d ON d.rowid = sd.document_rowid
    JOIN document_index_content c ON c.rowid = d.rowid WHERE sd.story_rowid = ? ORDER BY d.id`;

/** The fingerprint of a story's index, read without loading any reading text (runs on every story search). */
function fingerprintOf(db: Connection, storyRowid: number): string {
  const members = statement(db, `SELECT d.id AS id, d.text_hash AS text_hash, c.title AS title, c.outlet AS outlet,
    c.byline AS byline ${MEMBERS}`).all(storyRowid) as MemberKey[];
  const hash = createHash('sha256');
  for (const doc of members) hash.update(JSON.stringify([doc.id, doc.text_hash, doc.title, doc.outlet, doc.byline]));
  return hash.digest('hex');
}

/** Loads a story's documents with effective metadata and reading text (only when its index must be loaded or built). */
function storyDocuments(db: Connection, storyRowid: number): StoryDocument[] {
  return statement(db, `SELECT d.id AS id, d.path AS path, c.title AS title, c.outlet AS outlet, c.byline AS byline,
    d.reading_text AS text ${MEMBERS}`).all(storyRowid) as StoryDocument[];
}

/** Builds a lunr index over the passages of a story's documents, keeping term positions for highlighting. */
export function buildStoryIndex(documents: readonly StoryDocument[], fingerprint: string): StoryIndex {
  const passages = documents.flatMap((doc) => splitPassages(doc.id, doc.text));
  const byId = new Map(documents.map((doc) => [doc.id, doc]));
  const index = lunr(function () {
    this.ref('ref');
    for (const field of PASSAGE_FIELDS) this.field(field);
    this.metadataWhitelist = ['position'];
    passages.forEach((passage, ordinal) => {
      const doc = byId.get(passage.documentId)!;
      this.add({
        ref: String(ordinal),
        title: doc.title ?? '',
        outlet: doc.outlet ?? '',
        byline: doc.byline ?? '',
        text: doc.text.slice(passage.start, passage.end),
      });
    });
  });
  return { fingerprint, index, passages, documents: byId };
}

/**
 * The passage index of a story: from memory when current, else from its serialized copy in SQLite when that is
 * current, else rebuilt and stored. Returns undefined for an unknown story.
 */
export function createStoryIndexCache(db: Connection) {
  const memory = new Map<number, StoryIndex>();
  return {
    get(story: string): StoryIndex | undefined {
      const storyRowid = findStory(db, story);
      if (storyRowid === undefined) return undefined;
      const fingerprint = fingerprintOf(db, storyRowid);
      const cached = memory.get(storyRowid);
      if (cached?.fingerprint === fingerprint) return cached;
      const documents = storyDocuments(db, storyRowid);
      const byId = new Map(documents.map((doc) => [doc.id, doc]));
      const stored = statement(db, 'SELECT fingerprint, index_json, passages_json FROM story_passage_indexes WHERE story_rowid = ?')
        .get(storyRowid) as { fingerprint: string; index_json: string; passages_json: string } | undefined;
      let built: StoryIndex;
      if (stored?.fingerprint === fingerprint) {
        built = {
          fingerprint,
          index: lunr.Index.load(JSON.parse(stored.index_json)),
          passages: JSON.parse(stored.passages_json) as Passage[],
          documents: byId,
        };
      } else {
        built = buildStoryIndex(documents, fingerprint);
        statement(db, `INSERT INTO story_passage_indexes (story_rowid, fingerprint, index_json, passages_json) VALUES (?, ?, ?, ?)
          ON CONFLICT (story_rowid) DO UPDATE SET fingerprint = excluded.fingerprint, index_json = excluded.index_json,
          passages_json = excluded.passages_json`).run(storyRowid, fingerprint, JSON.stringify(built.index), JSON.stringify(built.passages));
      }
      memory.set(storyRowid, built);
      return built;
    },
  };
}
