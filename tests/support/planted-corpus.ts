// Random libraries for the shared-passage properties: a small vocabulary, passages planted in several documents with
// small edits and spelling variants, so pairs share runs of words that alignment must find exactly.
import fc from 'fast-check';
import type { LibraryDocument } from '../../src-main/core/compare/library-passages';

const VOCABULARY = ['the', 'of', 'and', 'to', 'troops', 'mission', 'cartel', 'official', 'said', 'Mexico', 'plan', 'strike',
  'drone', 'border', 'report', 'U.S.', 'US', 'intelligence', 'authority', 'Title', '50', 'Trump’s', "Trump's", 'Pérez',
  'community', 'under', 'known', 'as', 'status', 'would', 'operate', 'labs'];
/** A word of the small vocabulary (with spelling variants: U.S./US, Trump’s/Trump's). */
export const plantedWord = fc.constantFrom(...VOCABULARY);
const word = plantedWord;
const separator = fc.constantFrom(' ', ' ', ' ', ' ', ', ', '. ', '\n\n', ' — ', ' “', '” ');

interface Edit {
  at: number;
  kind: 'change' | 'insert' | 'drop' | 'case';
  word: string;
}
const edit = fc.record({ at: fc.nat(60), kind: fc.constantFrom('change', 'insert', 'drop', 'case'), word });

function applyEdits(words: readonly string[], edits: readonly Edit[]): string[] {
  const result = [...words];
  for (const { at, kind, word: other } of edits) {
    if (result.length === 0) break;
    const position = at % result.length;
    if (kind === 'change') result[position] = other;
    else if (kind === 'insert') result.splice(position, 0, other);
    else if (kind === 'drop') result.splice(position, 1);
    else result[position] = result[position]!.toUpperCase();
  }
  return result;
}

/** Up to `maxDocuments` documents (at least 2 drawn, distinct ids), sharing edited copies of up to `maxPassages` planted passages. */
export function plantedCorpus(maxDocuments = 7, maxPassages = 4): fc.Arbitrary<LibraryDocument[]> {
  return fc
    .record({
      passages: fc.array(fc.array(word, { minLength: 6, maxLength: 40 }), { minLength: 1, maxLength: maxPassages }),
      documents: fc.array(
        fc.record({
          id: fc.integer({ min: 1, max: 10_000 }),
          filler: fc.array(fc.array(word, { maxLength: 30 }), { minLength: 1, maxLength: 4 }),
          uses: fc.array(fc.record({ passage: fc.nat(), edits: fc.array(edit, { maxLength: 3 }) }), { maxLength: 3 }),
          separators: fc.array(separator, { minLength: 1, maxLength: 12 }),
        }),
        { minLength: 2, maxLength: maxDocuments },
      ),
    })
    .map(({ passages, documents }) => {
      const seen = new Set<number>();
      return documents
        .filter((document) => !seen.has(document.id) && seen.add(document.id))
        .map(({ id, filler, uses, separators }): LibraryDocument => {
          const words: string[] = [];
          filler.forEach((part, index) => {
            words.push(...part);
            const use = uses[index];
            if (use) words.push(...applyEdits(passages[use.passage % passages.length]!, use.edits));
          });
          const text = words.map((item, index) => (index === 0 ? '' : separators[index % separators.length]) + item).join('');
          return { id, text };
        });
    });
}
