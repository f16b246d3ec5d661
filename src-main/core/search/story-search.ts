import lunr from 'lunr';
import type { SearchHighlight, SearchHitDetails } from '../../contract/search';
import type { LeafNode, QueryNode } from './query-ast';
import { evaluateQuery } from './query-evaluate';
import { PASSAGE_FIELDS, type StoryIndex } from './story-index';
import { buildSnippets } from './snippets';

/** Lowercases and stems one word the way the passage index stored it. */
function stemOf(word: string): string {
  return lunr.stemmer(new lunr.Token(lunr.trimmer(new lunr.Token(word.toLowerCase(), {})).toString(), {})).toString();
}

/** The stemmed words of a passage with their offsets inside it. */
function passageTokens(text: string): { stem: string; start: number; end: number }[] {
  return lunr.tokenizer(text).map((token) => {
    const [start, length] = (token as unknown as { metadata: { position: [number, number] } }).metadata.position;
    const raw = text.slice(start, start + length);
    const leading = raw.length - raw.replace(/^\W+/u, '').length;
    const trailing = raw.length - raw.replace(/\W+$/u, '').length;
    return { stem: stemOf(token.toString()), start: start + leading, end: Math.max(start + leading, start + length - trailing) };
  });
}

/** Per-passage highlights collected while leaves are matched. */
type HighlightSink = Map<string, SearchHighlight[]>;

function addHighlight(sink: HighlightSink, ref: string, highlight: SearchHighlight): void {
  const list = sink.get(ref) ?? [];
  list.push(highlight);
  sink.set(ref, list);
}

/** Matches one leaf against the lunr index: ids of passages with scores, highlights recorded on the side. */
function matchLeaf(story: StoryIndex, node: LeafNode, sink: HighlightSink): Map<string, number> {
  const fields = node.field ? [node.field] : [...PASSAGE_FIELDS];
  const scores = new Map<string, number>();
  const passageText = (ref: string) => {
    const passage = story.passages[Number(ref)]!;
    return story.documents.get(passage.documentId)!.text.slice(passage.start, passage.end);
  };
  const run = (build: (query: lunr.Query) => void) => story.index.query(build);

  if (node.kind === 'phrase') {
    const stems = node.words.map(stemOf).filter(Boolean);
    if (stems.length === 0) return scores;
    const results = run((query) => {
      for (const word of node.words) query.term(word.toLowerCase(), { fields, presence: lunr.Query.presence.REQUIRED });
    });
    for (const result of results) {
      const tokens = passageTokens(passageText(result.ref));
      let found = false;
      for (let index = 0; index + stems.length <= tokens.length; index++) {
        if (stems.every((stem, offset) => tokens[index + offset]!.stem === stem)) {
          found = true;
          if (fields.includes('text')) {
            const base = story.passages[Number(result.ref)]!.start;
            addHighlight(sink, result.ref, { start: base + tokens[index]!.start, end: base + tokens[index + stems.length - 1]!.end });
          }
        }
      }
      const metadataOnly = !fields.includes('text');
      if (found || metadataOnly) scores.set(result.ref, result.score);
    }
    return scores;
  }

  const results = run((query) => {
    const word = node.text.toLowerCase();
    if (node.kind === 'prefix') query.term(word, { fields, wildcard: lunr.Query.wildcard.TRAILING, usePipeline: false });
    else if (node.kind === 'fuzzy') query.term(word, { fields, editDistance: node.distance });
    else query.term(word, { fields });
  });
  for (const result of results) {
    scores.set(result.ref, result.score);
    const base = story.passages[Number(result.ref)]!.start;
    const text = passageText(result.ref);
    for (const fieldsOfTerm of Object.values(result.matchData.metadata)) {
      const positions = (fieldsOfTerm as Record<string, { position?: [number, number][] }>).text?.position ?? [];
      for (const [start, length] of positions) {
        const raw = text.slice(start, start + length);
        const leading = raw.length - raw.replace(/^\W+/u, '').length;
        const trailing = raw.length - raw.replace(/\W+$/u, '').length;
        addHighlight(sink, result.ref, { start: base + start + leading, end: base + start + Math.max(leading, length - trailing) });
      }
    }
  }
  return scores;
}

/** Searches a story's passages; documents ranked by their best passages, snippets cut around the hits. */
export function searchStory(story: StoryIndex, query: QueryNode, limit: number): SearchHitDetails[] {
  const sink: HighlightSink = new Map();
  const matched = evaluateQuery(query, (leaf) => matchLeaf(story, leaf, sink), () => story.passages.map((_, ordinal) => String(ordinal)));
  const byDocument = new Map<string, { scores: number[]; highlights: SearchHighlight[] }>();
  for (const [ref, score] of matched) {
    const passage = story.passages[Number(ref)];
    if (!passage) continue;
    const entry = byDocument.get(passage.documentId) ?? { scores: [], highlights: [] };
    entry.scores.push(score);
    entry.highlights.push(...(sink.get(ref) ?? []));
    if (!sink.has(ref)) entry.highlights.push({ start: passage.start, end: passage.start });
    byDocument.set(passage.documentId, entry);
  }
  const hits: SearchHitDetails[] = [];
  for (const [documentId, entry] of byDocument) {
    const doc = story.documents.get(documentId)!;
    const best = entry.scores.sort((a, b) => b - a).slice(0, 3).reduce((sum, score) => sum + score, 0);
    const unique = [...new Map(entry.highlights.map((hit) => [`${hit.start}:${hit.end}`, hit])).values()];
    const snippets = buildSnippets(doc.text, unique.filter((hit) => hit.end > hit.start).length > 0 ? unique.filter((hit) => hit.end > hit.start) : unique);
    hits.push({
      id: doc.id,
      path: doc.path,
      title: doc.title,
      score: Math.round(best * 1000) / 1000,
      snippets: snippets.map(({ text, start, end }) => ({ text, start, end })),
      highlights: snippets.map((snippet) => snippet.hits.filter((hit) => hit.end > hit.start)),
    });
  }
  return hits.sort((a, b) => b.score - a.score || a.path.localeCompare(b.path)).slice(0, limit);
}
