import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findLibraryPassages, groupLibrary, prepareLibrary, type LibraryDocument, type LibraryPassage } from '../../src-main/core/compare/library-passages';
import { GramScratch } from '../../src-main/core/compare/library-grams';
import { PassageTable, findPassagesInShards, type ReadTexts } from '../../src-main/core/compare/sharded-passages';
import { plantedCorpus } from '../support/planted-corpus';
import { normalizedSeed } from '../support/seed-text';

/** The full run's passages as offsets (what the sharded run keeps). */
function offsetsOf(passages: readonly LibraryPassage[]) {
  return passages.map(({ a, b, similarity }) => ({
    a: { documentId: a.documentId, start: a.start, end: a.end },
    b: { documentId: b.documentId, start: b.start, end: b.end },
    similarity,
  }));
}

function rows(table: PassageTable) {
  return Array.from({ length: table.length }, (_, index) => table.at(index));
}

/** A text reader over the documents that counts what it was asked for. */
function reader(documents: readonly LibraryDocument[]) {
  const texts = new Map(documents.map((document) => [document.id, document.text]));
  const asked: number[][] = [];
  const read: ReadTexts = (ids) => {
    asked.push([...ids]);
    return new Map(ids.flatMap((id) => (texts.has(id) ? [[id, texts.get(id)!] as [number, string]] : [])));
  };
  return { read, asked };
}

const byId = (documents: readonly LibraryDocument[]) => [...documents].sort((left, right) => left.id - right.id);

test('sharded: equal to the full run for any batch and shard size (property)', () => {
  fc.assert(
    fc.property(plantedCorpus(16, 6), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 2, max: 6 }), (documents, batch, shard, maxDocuments) => {
      const { read, asked } = reader(documents);
      const ids = documents.map((document) => document.id);
      const table = findPassagesInShards(ids, read, { batchDocuments: batch, shardDocuments: shard, maxDocuments });
      assert.deepEqual(rows(table), offsetsOf(findLibraryPassages(byId(documents), { maxDocuments })));
      for (const request of asked) assert.ok(request.length <= Math.max(batch, shard, 1 + documents.length), 'texts are read a batch or a shard at a time');
    }),
    { numRuns: 200 },
  );
});

test('sharded: the five seeds in shards of two equal the full run, and shards read only what they align', () => {
  const documents = ['000', '001', '002', '003', '004'].map((prefix, index) => ({ id: 10 * (index + 1), text: normalizedSeed(prefix) }));
  const full = offsetsOf(findLibraryPassages(documents));
  assert.ok(full.length > 10);
  const { read, asked } = reader(documents);
  assert.deepEqual(rows(findPassagesInShards([50, 30, 10, 40, 20], read, { batchDocuments: 2, shardDocuments: 2 })), full);
  // First pass: three batches of at most two, in id order; then shards, each of the documents of its pairs.
  assert.deepEqual(asked.slice(0, 3), [[10, 20], [30, 40], [50]]);
  assert.ok(asked.length > 4, 'more than one shard');
});

test('sharded: a document without text shares nothing; a fingerprint over maxDocuments makes no pair; ids given twice are refused', () => {
  const shared = 'the council voted on tuesday to close the harbour for the winter the mayor said in a statement';
  const documents = [1, 2, 3, 4].map((id) => ({ id, text: `Document ${id} opens with its own words here. ${shared}.` }));
  const { read } = reader(documents);
  assert.equal(findPassagesInShards([1, 2, 3, 4, 5], read).length, 6);
  assert.equal(findPassagesInShards([1, 2, 3, 4], read, { maxDocuments: 3 }).length, 0);
  assert.throws(() => findPassagesInShards([1, 2, 2], read), /given twice/);
});

test('passage table: pushes, copies and reads back offsets and similarity', () => {
  const passage = (a: number, b: number, similarity: number): LibraryPassage => ({
    a: { documentId: a, start: 1, end: 5, text: 'abcd' },
    b: { documentId: b, start: 7, end: 11, text: 'abcd' },
    similarity,
  });
  const many = Array.from({ length: 3000 }, (_, index) => passage(index, index + 1, index % 1001 / 1000));
  const table = PassageTable.of(many);
  assert.equal(table.length, 3000);
  assert.deepEqual(rows(table), offsetsOf(many));
  const copy = new PassageTable();
  copy.copy(table, 2999);
  assert.deepEqual(copy.at(0), { a: { documentId: 2999, start: 1, end: 5 }, b: { documentId: 3000, start: 7, end: 11 }, similarity: 0.997 });
  assert.deepEqual(table.documentsAt(7), [7, 8]);
});

test('n-grams grouped in reused scratch buffers equal those grouped afresh, whatever the previous library (property)', () => {
  const scratch = new GramScratch();
  fc.assert(
    fc.property(plantedCorpus(16, 6), (documents) => {
      const library = prepareLibrary(documents);
      assert.deepEqual(groupLibrary(library, scratch), groupLibrary(library));
    }),
    { numRuns: 100 },
  );
});
