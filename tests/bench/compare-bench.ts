// `node --import tsx tests/bench/compare-bench.ts [--docs 10000] [--story 1000] [--runs 3]`: shared passages across a
// synthetic library (writeCorpus, in the system's temp folder), one process per run, medians as JSON.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeCorpus } from './corpus';
import { decodeFingerprints, encodeFingerprints, type Fingerprints } from '../../src-main/core/compare/fingerprints';
import { PassageIndex } from '../../src-main/core/compare/passage-index';
import {
  alignLibrary,
  candidatePairs,
  groupLibrary,
  indexLibrary,
  passagesForNewDocument,
  prepareLibrary,
  type LibraryDocument,
} from '../../src-main/core/compare/library-passages';

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '10000' },
    story: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '3' },
    child: { type: 'boolean', default: false },
  },
});
const libraryCount = Number(values.docs);
const storyCount = Number(values.story);
const folderOf = (count: number) => join(tmpdir(), 'parallax-compare-bench', `corpus-${count}`);

function readCorpus(count: number): LibraryDocument[] {
  const folder = folderOf(count);
  return readdirSync(folder)
    .sort()
    .map((name, index) => ({ id: index + 1, text: readFileSync(join(folder, name), 'utf8') }));
}

function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Wall-clock milliseconds, and the process's CPU milliseconds (user + system: what other load on the machine cannot inflate much). */
function timed<T>(run: () => T): [T, number, number] {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = run();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return [result, wall, (used.user + used.system) / 1000];
}

const round = (value: number) => Math.round(value * 10) / 10;

/** The whole library: each phase timed on its own. */
function measureLibrary(): Record<string, number> {
  const [documents, readMs] = timed(() => readCorpus(libraryCount));
  const [library, fingerprintMs, fingerprintCpuMs] = timed(() => prepareLibrary(documents));
  const [grams, indexMs, indexCpuMs] = timed(() => groupLibrary(library));
  const [pairs, candidatesMs, candidatesCpuMs] = timed(() => candidatePairs(library, grams));
  const [passages, alignMs, alignCpuMs] = timed(() => alignLibrary(library, grams, pairs));
  const rssMB = process.memoryUsage().rss / 2 ** 20;
  const [passageIndex, passageIndexBuildMs] = timed(() => indexLibrary(library));
  const [, passageIndexCandidatesMs] = timed(() => library.ids.forEach((id) => passageIndex.candidateIds(id)));
  const blobs = library.fingerprints.map(encodeFingerprints);
  const pairsWithPassages = new Set(passages.map((passage) => `${passage.a.documentId}:${passage.b.documentId}`)).size;
  return {
    documents: documents.length,
    megabytes: round(documents.reduce((sum, document) => sum + document.text.length, 0) / 1e6),
    words: library.words.reduce((sum, words) => sum + words.words.length, 0),
    readMs,
    fingerprintMs,
    indexMs,
    candidatesMs,
    alignMs,
    totalMs: fingerprintMs + indexMs + candidatesMs + alignMs,
    fingerprintCpuMs,
    indexCpuMs,
    candidatesCpuMs,
    alignCpuMs,
    totalCpuMs: fingerprintCpuMs + indexCpuMs + candidatesCpuMs + alignCpuMs,
    candidatePairs: pairs.length,
    pairsWithPassages,
    passages: passages.length,
    fingerprints: library.fingerprints.reduce((sum, fingerprints) => sum + fingerprints.hashes.length, 0),
    blobBytes: blobs.reduce((sum, blob) => sum + blob.length, 0),
    blobBytesPerDocument: round(blobs.reduce((sum, blob) => sum + blob.length, 0) / blobs.length),
    passageIndexBuildMs,
    passageIndexCandidatesMs,
    rssMB: round(rssMB),
  };
}

/** One article added to a story whose fingerprints are stored as blobs: decode, rebuild the index, align the new one. */
function measureStory(): Record<string, number> {
  // The article added: the first of the corpus that reprints a paragraph found in two other articles.
  const all = readCorpus(storyCount + 1);
  const reprinted = new Set(reprintedParagraphs(all, Infinity, 3));
  const added = all.find((document) => document.text.split('\n\n').some((paragraph) => reprinted.has(paragraph)))!;
  const story = all.filter((document) => document !== added);
  const texts = new Map(story.map((document) => [document.id, document.text]));
  const blobs = prepareLibrary(story).fingerprints.map(encodeFingerprints);
  const [decoded, decodeMs, decodeCpuMs] = timed(() => blobs.map((blob) => decodeFingerprints(blob)));
  const [index, indexBuildMs, indexBuildCpuMs] = timed(() => buildIndex(story, decoded));
  const [result, addMs, addCpuMs] = timed(() => passagesForNewDocument(index, added, (id) => texts.get(id)));
  const candidates = index.candidateIds(added.id).length;
  const warm: number[] = [];
  for (let repeat = 0; repeat < 10; repeat++) {
    index.remove(added.id);
    warm.push(timed(() => passagesForNewDocument(index, added, (id) => texts.get(id)))[1]);
  }
  // A dense case: an article made of twelve paragraphs each reprinted across the story, so it meets many candidates.
  const dense = { id: storyCount + 10, text: reprintedParagraphs(story, 12).join('\n\n') };
  index.remove(added.id);
  const [denseResult, denseAddMs, denseAddCpuMs] = timed(() => passagesForNewDocument(index, dense, (id) => texts.get(id)));
  const denseCandidates = index.candidateIds(dense.id).length;
  return {
    storyDocuments: story.length,
    decodeMs,
    indexBuildMs,
    addMs,
    addCpuMs,
    addWarmMs: median(warm),
    decodeBuildAddMs: decodeMs + indexBuildMs + addMs,
    decodeCpuMs,
    indexBuildCpuMs,
    decodeBuildAddCpuMs: decodeCpuMs + indexBuildCpuMs + addCpuMs,
    candidates,
    partners: partners(result.passages, added.id),
    passages: result.passages.length,
    denseCandidates,
    densePartners: partners(denseResult.passages, dense.id),
    densePassages: denseResult.passages.length,
    denseAddMs,
    denseAddCpuMs,
  };
}

function buildIndex(story: readonly LibraryDocument[], fingerprints: readonly Fingerprints[]): PassageIndex {
  const index = new PassageIndex();
  index.reserve(fingerprints.reduce((sum, print) => sum + print.hashes.length, 0));
  story.forEach((document, position) => index.add(document.id, fingerprints[position]!));
  return index;
}

/** Documents sharing at least one passage with document `id`. */
function partners(passages: ReadonlyArray<{ a: { documentId: number }; b: { documentId: number } }>, id: number): number {
  return new Set(passages.map((passage) => (passage.a.documentId === id ? passage.b.documentId : passage.a.documentId))).size;
}

/** The `count` paragraphs (over 200 characters) found in the most articles, at least `least` of them. */
function reprintedParagraphs(story: readonly LibraryDocument[], count: number, least = 2): string[] {
  const seen = new Map<string, number>();
  for (const document of story) for (const paragraph of document.text.split('\n\n')) if (paragraph.length > 200) seen.set(paragraph, (seen.get(paragraph) ?? 0) + 1);
  return [...seen].filter(([, times]) => times >= least).sort((left, right) => right[1] - left[1]).slice(0, count).map(([paragraph]) => paragraph);
}

if (values.child) {
  process.stdout.write(JSON.stringify({ library: measureLibrary(), story: measureStory() }));
} else {
  for (const count of [libraryCount, storyCount + 1]) {
    process.stderr.write(`Synthetic corpus of ${count} articles in ${folderOf(count)}…\n`);
    writeCorpus(folderOf(count), count);
  }
  const runs = Number(values.runs);
  const samples: Array<Record<string, Record<string, number>>> = [];
  for (let run = 0; run < runs; run++) {
    process.stderr.write(`run ${run + 1}/${runs}…\n`);
    const output = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', '--docs', String(libraryCount), '--story', String(storyCount)], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    samples.push(JSON.parse(output) as Record<string, Record<string, number>>);
  }
  const medians = (part: string) =>
    Object.fromEntries(Object.keys(samples[0]![part]!).map((name) => [name, round(median(samples.map((sample) => sample[part]![name]!)))]));
  process.stdout.write(
    `${JSON.stringify({ machine: { cpus: cpus().length, node: process.version }, runs, medians: { library: medians('library'), story: medians('story') } }, null, 2)}\n`,
  );
}
