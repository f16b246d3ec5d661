import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findSharedPassages } from '../../src-main/core/reader/shared-passages';
import { tokenizeWords } from '../../src-main/core/reader/normalize-words';
import {
  DEFAULT_WINDOW,
  FINGERPRINT_VERSION,
  GRAM_WORDS,
  decodeFingerprints,
  encodeFingerprints,
  fingerprintText,
  prepareWords,
  winnow,
  type Fingerprints,
} from '../../src-main/core/compare/fingerprints';
import { WordDictionary } from '../../src-main/core/compare/word-scan';
import { PassageIndex } from '../../src-main/core/compare/passage-index';
import {
  findLibraryPassages,
  indexLibrary,
  passagesForNewDocument,
  prepareLibrary,
  uniqueRanges,
  type LibraryDocument,
  type LibraryPassage,
} from '../../src-main/core/compare/library-passages';
import { normalizedSeed } from '../support/seed-text';
import { plantedCorpus, plantedWord as word } from '../support/planted-corpus';

const corpus = plantedCorpus();

/** What the library run must equal: findSharedPassages on every pair sharing a fingerprint held by ≤ maxDocuments. */
function bruteForce(documents: readonly LibraryDocument[], maxDocuments = 1000): LibraryPassage[] {
  const sorted = [...documents].sort((left, right) => left.id - right.id);
  const sets = sorted.map((document) => new Set(fingerprintText(document.text).hashes));
  const holders = new Map<number, number>();
  for (const set of sets) for (const hash of set) holders.set(hash, (holders.get(hash) ?? 0) + 1);
  const passages: LibraryPassage[] = [];
  sorted.forEach((left, i) => {
    sorted.forEach((right, j) => {
      if (j <= i || ![...sets[i]!].some((hash) => sets[j]!.has(hash) && holders.get(hash)! <= maxDocuments)) return;
      for (const { a, b, similarity } of findSharedPassages(left.text, right.text)) {
        passages.push({ a: { documentId: left.id, ...a }, b: { documentId: right.id, ...b }, similarity });
      }
    });
  });
  return passages;
}

const key = (passage: LibraryPassage) =>
  `${passage.a.documentId}:${passage.a.start}-${passage.a.end}|${passage.b.documentId}:${passage.b.start}-${passage.b.end}|${passage.similarity}`;

test('prepared words are exactly the reader’s normalized words and offsets (property)', () => {
  const characters = fc.constantFrom('a', 'B', 'é', 'e\u0301', '\u0301', '.', "'", '’', '‘', 'ʼ', ' ', '1', '２', 'ß', 'İ', 'ﬁ',
    '𝐀', '\ud835', '\udc00', '-', 'U.S.', 'ǅ', 'Ⅻ', '٣', 'ª', '\n', 'x', 'Z');
  const check = (text: string) => {
    const dictionary = new WordDictionary();
    const prepared = prepareWords(text, dictionary);
    const got = Array.from(prepared.words, (identifier, index) => [dictionary.words[identifier], prepared.starts[index], prepared.ends[index]]);
    assert.deepEqual(got, tokenizeWords(text).map((token) => [token.word, token.start, token.end]));
  };
  fc.assert(fc.property(fc.array(characters, { maxLength: 40 }), (list) => check(list.join(''))), { numRuns: 3000 });
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), check), { numRuns: 1000 });
  for (const prefix of ['000', '001', '002', '003', '004']) check(normalizedSeed(prefix));
});

test('the five seeds: equal to findSharedPassages on every pair sharing a fingerprint', () => {
  const documents = ['000', '001', '002', '003', '004'].map((prefix, index) => ({ id: index + 1, text: normalizedSeed(prefix) }));
  const passages = findLibraryPassages(documents);
  assert.deepEqual(passages, bruteForce(documents));
  for (const passage of passages) {
    for (const side of [passage.a, passage.b]) assert.equal(side.text, documents[side.documentId - 1]!.text.slice(side.start, side.end));
    assert.ok(passage.a.documentId < passage.b.documentId);
  }
  const official = passages.find((passage) => passage.a.documentId === 3 && passage.b.documentId === 5 && passage.a.text.includes('all-of-government'));
  assert.ok(official, '002 and 004 share the senior administration official’s statement');
  assert.match(official.a.text, /^The Trump administration is committed .* American citizens$/);
  assert.equal(official.similarity, 1);
  const title50 = passages.find((passage) => passage.a.documentId === 1 && passage.b.documentId === 4 && /Title 50/.test(passage.a.text));
  assert.ok(title50, '000 and 003 share the Title 50 passage');
  assert.match(title50.a.text, /under the authority of the U\.S\. intelligence community, known as Title 50 status/);
  assert.match(title50.b.text, /under the authority of the US intelligence community, known as Title 50 status/);
});

test('random corpora with planted, edited passages: equal to pairwise findSharedPassages (property)', () => {
  fc.assert(
    fc.property(corpus, (documents) => {
      const passages = findLibraryPassages(documents);
      assert.deepEqual(passages, bruteForce(documents));
      for (const passage of passages) {
        assert.ok(passage.a.documentId < passage.b.documentId);
        for (const side of [passage.a, passage.b]) {
          assert.equal(side.text, documents.find((document) => document.id === side.documentId)!.text.slice(side.start, side.end));
        }
      }
    }),
    { numRuns: 150 },
  );
});

test('the order of the documents given changes nothing (property)', () => {
  fc.assert(
    fc.property(corpus, (documents) => {
      assert.deepEqual(findLibraryPassages([...documents].reverse()), findLibraryPassages(documents));
    }),
    { numRuns: 60 },
  );
});

test('a fingerprint held by more than maxDocuments documents makes no pair', () => {
  const shared = 'the council voted on tuesday to close the harbour for the winter the mayor said in a statement';
  const documents = [1, 2, 3, 4].map((id) => ({ id, text: `Document ${id} opens with its own words here. ${shared}.` }));
  assert.equal(findLibraryPassages(documents).length, 6);
  assert.deepEqual(findLibraryPassages(documents, { maxDocuments: 3 }), []);
  assert.deepEqual(findLibraryPassages(documents, { maxDocuments: 3 }), bruteForce(documents, 3));
});

test('adding one document to an index rebuilt from blobs equals the full run (property)', () => {
  fc.assert(
    fc.property(corpus, (documents) => {
      const [added, ...stored] = documents;
      const library = prepareLibrary(stored);
      const index = new PassageIndex();
      library.ids.forEach((id, position) => index.add(id, decodeFingerprints(encodeFingerprints(library.fingerprints[position]!))));
      const texts = new Map(stored.map((document) => [document.id, document.text]));
      const result = passagesForNewDocument(index, added!, (id) => texts.get(id));
      const expected = findLibraryPassages(documents).filter((passage) => passage.a.documentId === added!.id || passage.b.documentId === added!.id);
      assert.deepEqual(result.passages, expected);
      assert.deepEqual(result.fingerprints, fingerprintText(added!.text));
      assert.ok(index.has(added!.id));
    }),
    { numRuns: 100 },
  );
});

test('fingerprints survive encoding and decoding; other versions and truncated blobs are refused (property)', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.nat(70_000)), { maxLength: 300 }), fc.nat(1_000_000), (entries, extra) => {
      const positions = Int32Array.from(entries.map(([, position]) => position).sort((left, right) => left - right));
      const fingerprints: Fingerprints = { words: (positions.at(-1) ?? 0) + extra, window: DEFAULT_WINDOW, hashes: Int32Array.from(entries, ([hash]) => hash), positions };
      const blob = encodeFingerprints(fingerprints);
      assert.deepEqual(decodeFingerprints(blob), fingerprints);
      assert.ok(blob.length <= 3 + 10 + 5 * entries.length + 4 * entries.length);
      if (blob.length > 3) assert.throws(() => decodeFingerprints(blob.subarray(0, blob.length - 1)));
    }),
  );
  const blob = encodeFingerprints(fingerprintText(normalizedSeed('003')));
  assert.equal(blob[0], FINGERPRINT_VERSION);
  assert.throws(() => decodeFingerprints(Buffer.concat([Buffer.from([FINGERPRINT_VERSION + 1]), blob.subarray(1)])));
});

test(`winnowing: any shared run of window + ${GRAM_WORDS - 1} words leaves a shared fingerprint inside it (property)`, () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 8 }),
      fc.array(word, { maxLength: 60 }),
      fc.array(word, { maxLength: 60 }),
      fc.array(word, { minLength: 12, maxLength: 40 }),
      fc.array(word, { maxLength: 60 }),
      (window, before, after, shared, other) => {
        const run = shared.slice(0, window + GRAM_WORDS - 1);
        const left = [...before, ...run, ...after].join(' ');
        const right = [...other, ...run].join(' ');
        const leftPrint = winnow(prepareWords(left, new WordDictionary()).grams, window);
        const rightPrint = winnow(prepareWords(right, new WordDictionary()).grams, window);
        const inside = (print: Fingerprints, first: number) =>
          new Set(Array.from(print.hashes).filter((_, index) => print.positions[index]! >= first && print.positions[index]! + GRAM_WORDS <= first + run.length));
        const leftHashes = inside(leftPrint, tokenizeWords(before.join(' ')).length);
        const rightHashes = inside(rightPrint, tokenizeWords(other.join(' ')).length);
        assert.ok([...leftHashes].some((hash) => rightHashes.has(hash)), 'a fingerprint within the run on both sides');
      },
    ),
    { numRuns: 500 },
  );
});

test('fingerprint hashes are stable: the same words give the same hashes in any run', () => {
  const text = normalizedSeed('002');
  const first = fingerprintText(text);
  const dictionary = new WordDictionary();
  prepareWords(normalizedSeed('004'), dictionary);
  assert.deepEqual(winnow(prepareWords(text, dictionary).grams, DEFAULT_WINDOW), first);
  assert.deepEqual(Array.from(fingerprintText('The U.S. troops would operate under the authority').hashes), [-1741034295]);
});

test('the passage index: candidates with positions, removal, boilerplate cutoff, compaction', () => {
  const documents = ['000', '001', '002', '003', '004'].map((prefix, index) => ({ id: 10 + index, text: normalizedSeed(prefix) }));
  const library = prepareLibrary(documents);
  const index = indexLibrary(library);
  assert.equal(index.size, 5);
  const candidates = index.candidates(12);
  assert.deepEqual(candidates.map((candidate) => candidate.documentId), index.candidateIds(12));
  const prints = library.fingerprints;
  for (const candidate of candidates) {
    const other = prints[candidate.documentId - 10]!;
    for (let pair = 0; pair < candidate.positions.length; pair += 2) {
      const own = prints[2]!.positions.indexOf(candidate.positions[pair]!);
      const theirs = other.positions.indexOf(candidate.positions[pair + 1]!);
      assert.equal(prints[2]!.hashes[own], other.hashes[theirs], 'the positions hold the same hash');
    }
  }
  assert.ok(candidates.some((candidate) => candidate.documentId === 14), '002 and 004 are candidates');
  assert.ok(index.remove(14));
  assert.ok(!index.remove(14));
  assert.ok(!index.candidateIds(12).includes(14));
  assert.throws(() => index.candidates(14));

  const many = new PassageIndex({ maxDocuments: 3 });
  const shared = fingerprintText('one two three four five six seven eight nine ten eleven twelve');
  for (let id = 0; id < 3; id++) many.add(id, shared);
  assert.deepEqual(many.candidateIds(0), [1, 2]);
  many.add(3, shared);
  assert.equal(many.documentFrequency(shared.hashes[0]!), 4);
  assert.deepEqual(many.candidateIds(0), [], 'in four documents: boilerplate');
  for (let id = 4; id < 3000; id++) many.add(id, fingerprintText(`document ${id} alone has the words ${id} ${id + 1} ${id + 2} ${id + 3} and ${id + 4} here`));
  for (let id = 3; id < 3000; id++) many.remove(id);
  assert.deepEqual(many.documentIds(), [0, 1, 2]);
  assert.deepEqual(many.candidateIds(0), [1, 2], 'after compaction, three documents again');
  assert.deepEqual(many.candidates(1).map((candidate) => Array.from(candidate.positions)), [
    Array.from(shared.positions).flatMap((position) => [position, position]),
    Array.from(shared.positions).flatMap((position) => [position, position]),
  ]);
});

test('unique ranges: what no shared passage covers, merged and trimmed (property)', () => {
  const documents = ['000', '003'].map((prefix, index) => ({ id: index + 1, text: normalizedSeed(prefix) }));
  const passages = findLibraryPassages(documents);
  const ranges = uniqueRanges(documents[1]!, passages);
  assert.match(ranges[0]!.text, /^Donald Trump May Send US Troops .*\n\nLast Updated:/s, 'the headline and page furniture are 003’s own');
  assert.ok(!ranges.some((range) => range.text.includes('Title 50')));
  fc.assert(
    fc.property(corpus, (corpusDocuments) => {
      const found = findLibraryPassages(corpusDocuments);
      for (const document of corpusDocuments) {
        const unique = uniqueRanges(document, found);
        const covered = new Uint8Array(document.text.length);
        for (const passage of found) {
          for (const side of [passage.a, passage.b]) if (side.documentId === document.id) covered.fill(1, side.start, side.end);
        }
        let previous = 0;
        for (const range of unique) {
          assert.ok(range.start >= previous && range.start < range.end, 'ordered, disjoint, not empty');
          assert.equal(range.text, document.text.slice(range.start, range.end));
          assert.ok(!covered.subarray(range.start, range.end).includes(1), 'outside every passage');
          covered.fill(2, range.start, range.end);
          previous = range.end;
        }
        for (const token of tokenizeWords(document.text)) assert.ok(covered[token.start] !== 0, 'every word is shared or unique');
      }
    }),
    { numRuns: 60 },
  );
});
