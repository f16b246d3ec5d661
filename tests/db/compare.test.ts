import { before, after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS, runCli, runJson, temporaryFolder } from '../support/cli';
import { mulberry32 } from '../support/mulberry32';
import { openLibrary } from '../../src-main/engine/in-process';
import type { DocumentSummary, IngestReport } from '../../src-main/contract/library';
import type { Claim, ComparedPassage, ProvenanceEdge } from '../../src-main/contract/compare';

const STORY = 'Sample story';
const OFFICIAL = 'committed to utilizing an all-of-government approach';

const folder = temporaryFolder();
const db = join(folder.dir, 'library.db');
let documents: DocumentSummary[] = [];
const seed = (prefix: string): DocumentSummary => {
  const doc = documents.find((entry) => entry.path.includes(`/${prefix}_`));
  assert.ok(doc, `seed ${prefix} not found`);
  return doc;
};
const pairOf = (passages: readonly ComparedPassage[], left: string, right: string): ComparedPassage[] => {
  const ids = new Set([seed(left).id, seed(right).id]);
  return passages.filter((passage) => ids.has(passage.a.id) && ids.has(passage.b.id));
};
const sortedKeys = (value: object): string[] => Object.keys(value).sort();

before(async () => {
  await runJson<IngestReport>(db, 'ingest', SEEDS, '--story', STORY);
  documents = await runJson<DocumentSummary[]>(db, 'docs');
});
after(() => folder.cleanup());

describe('compare on the seeds', () => {
  test('shared passages: the exact CLI.md shape, each pair once, slices of the reading text', async () => {
    const passages = await runJson<ComparedPassage[]>(db, 'compare', '--story', STORY);
    assert.ok(passages.length > 0);
    const texts = new Map<string, string>();
    for (const document of documents) texts.set(document.id, (await runCli(db, 'text', document.id)).stdout.replace(/\n$/, ''));
    const pairs = new Set<string>();
    for (const passage of passages) {
      assert.deepEqual(sortedKeys(passage), ['a', 'b', 'similarity']);
      for (const side of [passage.a, passage.b]) {
        assert.deepEqual(sortedKeys(side), ['end', 'id', 'path', 'start', 'text']);
        assert.equal(texts.get(side.id)?.slice(side.start, side.end), side.text);
      }
      assert.ok(passage.similarity > 0 && passage.similarity <= 1);
      assert.notEqual(passage.a.id, passage.b.id);
      pairs.add(`${passage.a.id}|${passage.b.id}`);
    }
    for (const pair of pairs) assert.ok(!pairs.has(pair.split('|').reverse().join('|')), `pair ${pair} reported both ways`);
  });

  test('002 and 004 share the official’s sentence; 000 and 003 the Title 50 passage despite US/U.S.', async () => {
    const passages = await runJson<ComparedPassage[]>(db, 'compare', '--story', STORY);
    assert.ok(pairOf(passages, '002', '004').some((passage) => passage.a.text.includes(OFFICIAL) && passage.b.text.includes(OFFICIAL)));
    const title50 = pairOf(passages, '000', '003').find((passage) => passage.a.text.includes('Title 50') && passage.b.text.includes('Title 50'));
    assert.ok(title50, 'the Title 50 passage is shared');
    assert.ok(/U\.S\. intelligence community/.test(title50.a.text + title50.b.text) && /US intelligence community/.test(title50.a.text + title50.b.text));
  });

  test('--docs compares just those documents; a bad document is a clear error', async () => {
    const passages = await runJson<ComparedPassage[]>(db, 'compare', '--docs', `${seed('002').id},${seed('004').path}`);
    assert.ok(passages.length > 0);
    for (const passage of passages) assert.deepEqual(new Set([passage.a.id, passage.b.id]), new Set([seed('002').id, seed('004').id]));
    const missing = await runCli(db, 'compare', '--docs', `${seed('002').id},nope`);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /No document with the id or path "nope"/);
    assert.equal((await runCli(db, 'compare', '--docs', seed('002').id)).status, 2);
  });

  test('claims: "not imminent" is one claim of at least four sources resting on NBC News alone', async () => {
    const claims = await runJson<Claim[]>(db, 'claims', '--story', STORY);
    for (const claim of claims) {
      assert.deepEqual(sortedKeys(claim), ['id', 'origins', 'singleOrigin', 'sources', 'text']);
      for (const source of claim.sources) assert.deepEqual(sortedKeys(source), ['end', 'id', 'path', 'start']);
      assert.equal(new Set(claim.sources.map((source) => source.id)).size, claim.sources.length, 'one source per document');
    }
    const imminent = claims.filter((claim) => /not (?:considered )?imminent/.test(claim.text));
    assert.equal(imminent.length, 1, 'one claim');
    const claim = imminent[0] as Claim;
    assert.ok(claim.sources.length >= 4, `${claim.sources.length} sources`);
    assert.equal(claim.origins, 1);
    assert.equal(claim.singleOrigin, true);
    const detailed = await openLibrary(db);
    try {
      const result = detailed.engine.listClaims({ story: STORY });
      assert.ok(result.ok);
      const same = result.value.find((entry) => entry.id === claim.id);
      assert.ok(same?.sources.every((source) => source.origin === 'NBC News'));
    } finally {
      detailed.close();
    }
  });

  test('provenance: every seed cites NBC News; 001 also News18 and the Daily Mail', async () => {
    const edges = await runJson<ProvenanceEdge[]>(db, 'provenance', '--story', STORY);
    for (const edge of edges) {
      assert.deepEqual(sortedKeys(edge), ['end', 'from', 'start', 'text', 'to']);
      assert.deepEqual(sortedKeys(edge.from), ['id', 'path']);
    }
    for (const prefix of ['000', '001', '002', '003', '004']) {
      assert.ok(edges.some((edge) => edge.from.id === seed(prefix).id && edge.to === 'NBC News'), `${prefix} cites NBC News`);
    }
    const cited = new Set(edges.filter((edge) => edge.from.id === seed('001').id).map((edge) => edge.to));
    assert.ok(cited.has('News18') && cited.has('Daily Mail'), [...cited].join(', '));
  });

  test('an unknown story is a clear error', async () => {
    const run = await runCli(db, 'claims', '--story', 'Nope');
    assert.equal(run.status, 1);
    assert.match(run.stderr, /There is no story named "Nope"/);
  });
});

describe('claims of a large story', () => {
  test('a story of 1,500 documents answers (1,000 was the limit once), and a sentence two of them share is one claim', async () => {
    const local = temporaryFolder();
    try {
      const story = join(local.dir, 'story');
      mkdirSync(story);
      const random = mulberry32(1500);
      const words = Array.from({ length: 3000 }, (_, index) => `w${index.toString(36)}q`);
      const sentence = () => `${Array.from({ length: 8 + Math.floor(random() * 10) }, () => words[Math.floor(random() ** 2 * words.length)]).join(' ')}.`;
      const shared = 'The harbour authority will close the old ferry terminal on the east bank next spring.';
      for (let index = 0; index < 1500; index++) {
        const lines = Array.from({ length: 4 }, sentence);
        if (index === 17 || index === 1234) lines.splice(2, 0, shared);
        writeFileSync(join(story, `article-${String(index).padStart(4, '0')}.txt`), `${lines.join('\n\n')}\n`);
      }
      const open = openLibrary(join(local.dir, 'library.db'));
      try {
        const ingested = await open.engine.ingest({ paths: [story], story: 'Large' });
        assert.ok(ingested.ok && ingested.value.added === 1500);
        const claims = open.engine.listClaims({ story: 'Large' });
        assert.ok(claims.ok, claims.ok ? '' : claims.error.message);
        const documents = open.engine.listDocuments({ story: 'Large' });
        assert.ok(documents.ok);
        const ids = new Set(documents.value.filter((entry) => /article-(0017|1234)\.txt$/.test(entry.path)).map((entry) => entry.id));
        assert.equal(ids.size, 2);
        const found = claims.value.filter((claim) => claim.text.includes('old ferry terminal'));
        assert.equal(found.length, 1, 'one claim');
        assert.deepEqual(new Set(found[0]!.sources.map((source) => source.id)), ids);
        const comparison = open.engine.getStoryComparison({ story: 'Large' });
        assert.ok(comparison.ok, comparison.ok ? '' : comparison.error.message);
        assert.ok(comparison.value.claims.some((claim) => claim.id === found[0]!.id));
      } finally {
        open.close();
      }
    } finally {
      local.cleanup();
    }
  });
});

describe('compare as the library changes', () => {
  test('a document added to a compared story is matched incrementally, as a fresh comparison would', async () => {
    const local = temporaryFolder();
    try {
      const story = join(local.dir, 'story');
      mkdirSync(story);
      for (const name of ['000_68766bf1f3d91e92.txt', '002_79055e269cddd537.txt', '003_ed9486401e0716a6.txt']) copyFileSync(join(SEEDS, name), join(story, name));
      const library = join(local.dir, 'library.db');
      const open = openLibrary(library);
      try {
        await open.engine.ingest({ paths: [story], story: 'Raid' });
        const before = open.engine.comparePassages({ story: 'Raid' });
        assert.ok(before.ok);
        const rewrite = readFileSync(join(SEEDS, '004_13d3be83a4a4755f.txt'), 'utf8').replace('Mexico', 'México');
        writeFileSync(join(story, 'rewrite.txt'), rewrite);
        await open.engine.ingest({ paths: [join(story, 'rewrite.txt')], story: 'Raid' });
        const after = open.engine.comparePassages({ story: 'Raid' });
        assert.ok(after.ok);
        assert.ok(after.value.length > before.value.length, 'the new document shares passages');
        const fresh = openLibrary(library);
        try {
          const recomputed = fresh.engine.comparePassages({ story: 'Raid' });
          assert.ok(recomputed.ok);
          assert.deepEqual(after.value, recomputed.value);
        } finally {
          fresh.close();
        }
      } finally {
        open.close();
      }
    } finally {
      local.cleanup();
    }
  });
});

test('past the matching-pair limit, the story comparison still answers: passages and provenance, claims skipped with the reason', async () => {
  const { createCompareService } = await import('../../src-main/core/compare/compare-service');
  const { resolveDocument } = await import('../../src-main/core/engine');
  const folder = temporaryFolder();
  const library = openLibrary(join(folder.dir, 'library.db'));
  try {
    const story = join(folder.dir, 'story');
    mkdirSync(story);
    for (const name of readdirSync(SEEDS).filter((file) => file.endsWith('.txt'))) copyFileSync(join(SEEDS, name), join(story, name));
    await library.engine.ingest({ paths: [story], story: 'limit' });
    const { openDatabase } = await import('../../src-main/core/store/database');
    const db = openDatabase(join(folder.dir, 'library.db'));
    try {
      const strict = createCompareService(db, resolveDocument, { claims: { limits: { maxMatches: 1 } } });
      const comparison = strict.getStoryComparison({ story: 'limit' });
      assert.ok(comparison.ok, 'the comparison answers');
      assert.ok(comparison.value.documents.length >= 2);
      assert.deepEqual(comparison.value.claims, []);
      assert.match(comparison.value.claimsSkipped ?? '', /repeat the same sentences so often/);
      assert.ok(comparison.value.provenance.length > 0, 'provenance is still found');
      const normal = createCompareService(db, resolveDocument).getStoryComparison({ story: 'limit' });
      assert.ok(normal.ok && normal.value.claims.length > 0 && normal.value.claimsSkipped === null);
    } finally {
      db.close();
    }
  } finally {
    library.close();
    folder.cleanup();
  }
});

test('a large scope whose word-for-word repeats pass the limit is refused before its claims are analyzed, with the count', async () => {
  const { createCompareService } = await import('../../src-main/core/compare/compare-service');
  const { resolveDocument } = await import('../../src-main/core/engine');
  const { openDatabase } = await import('../../src-main/core/store/database');
  const local = temporaryFolder();
  const library = openLibrary(join(local.dir, 'library.db'));
  try {
    const story = join(local.dir, 'wire');
    mkdirSync(story);
    const wire = 'The regional transit agency will suspend all night bus routes from March for lack of drivers.';
    // Five copies of one wire sentence (10 identical pairs), each beside a sentence of its own.
    const own = ['Council members debated the harbor ferry budget late into the evening.', 'Farmers in the valley expect a smaller harvest after the storm.', 'The festival committee moved the winter parade to the bridge.', 'Deputies trained new volunteers for the border mission.', 'Officials opened a second terminal for cruise passengers.'];
    own.forEach((line, index) => writeFileSync(join(story, `wire-${index}.txt`), `Wire copy ${index}\n\n${wire}\n\n${line}\n`));
    await library.engine.ingest({ paths: [story], story: 'wire' });
    const db = openDatabase(join(local.dir, 'library.db'));
    try {
      const checked = (maxMatches: number, claimsCheckFrom: number) => createCompareService(db, resolveDocument, { claims: { limits: { maxMatches } }, claimsCheckFrom });
      const early = checked(9, 4).listClaims({ story: 'wire' });
      assert.ok(!early.ok);
      assert.match(early.error.message, /^These 5 documents repeat the same sentences .* more than 9 matching pairs of sentences \(sentences repeated word for word alone make 10\)/);
      const comparison = checked(9, 4).getStoryComparison({ story: 'wire' });
      assert.ok(comparison.ok && comparison.value.documents.length === 5 && comparison.value.claims.length === 0);
      assert.equal(comparison.value.claimsSkipped, early.error.message, 'the Compare view says why, with the same figure');
      // One service counts once, and counts again after a write: a sixth copy makes 15 pairs.
      const service = checked(9, 4);
      assert.match(service.listClaims({ story: 'wire' }).ok ? '' : 'refused', /refused/);
      writeFileSync(join(story, 'wire-5.txt'), `Wire copy 5\n\n${wire}\n\nThe harbor reopened after the storm passed the valley.\n`);
      await library.engine.ingest({ paths: [story], story: 'wire' });
      const again = service.listClaims({ story: 'wire' });
      assert.ok(!again.ok);
      assert.match(again.error.message, /^These 6 documents .* alone make 15\)/);
      // Not checked first (a scope of 6 is under the check), the analysis refuses it as before, without the figure.
      const late = checked(9, 6).listClaims({ story: 'wire' });
      assert.ok(!late.ok && /more than 9 matching pairs of sentences, more than/.test(late.error.message));
      // Checked, within the limit: the claims the analysis finds anyway.
      const within = checked(15, 4).listClaims({ story: 'wire' });
      const plain = checked(15, 6).listClaims({ story: 'wire' });
      assert.ok(within.ok && plain.ok);
      assert.equal(within.value.length, 1);
      assert.deepEqual(within.value, plain.value);
    } finally {
      db.close();
    }
  } finally {
    library.close();
    local.cleanup();
  }
});

test('a scope larger than one piece is compared in shards: the same passages and unique ranges, kept current as documents are added', async () => {
  const { createCompareService } = await import('../../src-main/core/compare/compare-service');
  const { resolveDocument } = await import('../../src-main/core/engine');
  const { openDatabase } = await import('../../src-main/core/store/database');
  const { writeCorpus } = await import('../bench/corpus');
  const local = temporaryFolder();
  const library = openLibrary(join(local.dir, 'library.db'));
  try {
    const story = join(local.dir, 'story');
    writeCorpus(story, 60, 7);
    for (const name of readdirSync(SEEDS).filter((file) => file.endsWith('.txt'))) copyFileSync(join(SEEDS, name), join(story, name));
    await library.engine.ingest({ paths: [story], story: 'Shards' });
    const db = openDatabase(join(local.dir, 'library.db'));
    try {
      const sharded = createCompareService(db, resolveDocument, { onePieceLimit: 12 });
      const whole = () => createCompareService(db, resolveDocument);
      const expected = whole().comparePassages({ story: 'Shards' });
      assert.ok(expected.ok && expected.value.length > 40, 'the corpus shares passages');
      assert.deepEqual(sharded.comparePassages({ story: 'Shards' }), expected);
      // Pages of the list, in its order, past its end empty.
      const paged: unknown[] = [];
      for (let offset = 0; offset < expected.value.length; offset += 7) {
        const page = sharded.comparePassagePage({ story: 'Shards', offset, limit: 7 });
        assert.ok(page.ok && page.value.total === expected.value.length && page.value.offset === offset);
        paged.push(...page.value.passages);
      }
      assert.deepEqual(paged, expected.value);
      assert.deepEqual(sharded.comparePassagePage({ story: 'Shards', offset: 10 ** 6, limit: 7 }), { ok: true, value: { total: expected.value.length, offset: expected.value.length, passages: [] } });
      assert.equal(sharded.comparePassagePage({ story: 'Nope', offset: 0, limit: 7 }).ok, false);
      const comparison = sharded.getStoryComparison({ story: 'Shards' });
      const wholeComparison = whole().getStoryComparison({ story: 'Shards' });
      assert.ok(comparison.ok && wholeComparison.ok);
      assert.deepEqual(comparison.value.documents, wholeComparison.value.documents);
      // A scope compared in shards keeps no index: an added document means comparing again, with the same result.
      const added = join(local.dir, 'added.txt');
      writeFileSync(added, readFileSync(join(SEEDS, '004_13d3be83a4a4755f.txt'), 'utf8').replace('Mexico', 'México'));
      await library.engine.ingest({ paths: [added], story: 'Shards' });
      const after = sharded.comparePassages({ story: 'Shards' });
      assert.ok(after.ok && after.value.length > expected.value.length, 'the added document shares passages');
      assert.deepEqual(after, whole().comparePassages({ story: 'Shards' }));
      assert.ok(after.value.some((passage) => passage.b.path === added || passage.a.path === added));
    } finally {
      db.close();
    }
  } finally {
    library.close();
    local.cleanup();
  }
});
