import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeClaims, claimIdFor, findClaims, findUniqueUnits, type Claim, type ClaimSource } from '../../src-main/core/compare/claims';
import { claimUnitsOf } from '../../src-main/core/compare/clauses';
import { citationsOf, creditFor, storyCitation } from '../../src-main/core/compare/claim-origins';
import type { Attribution, CompareDocument } from '../../src-main/core/compare/types';
import { normalizedSeed } from '../support/seed-text';

/** Credits to the outlets the sample story names, found by a plain pattern (provenance.ts does this for real). */
const NAME = String.raw`(?:the\s+)?(NBC News|NBC|News18|Daily Mail)`;
const PATTERNS: Array<[RegExp, Attribution['kind']]> = [
  [new RegExp(String.raw`according to (?:a report by )?(?:broadcaster )?${NAME}`, 'gi'), 'according-to'],
  [new RegExp(String.raw`\btold (?:broadcaster )?${NAME}`, 'gi'), 'told'],
  [new RegExp(String.raw`\bciting (?:broadcaster )?${NAME}`, 'gi'), 'citing'],
  [new RegExp(String.raw`${NAME},? (?:first )?reported`, 'gi'), 'reported'],
];

function outletOf(name: string): string {
  if (/^nbc/i.test(name)) return 'NBC News';
  return /news18/i.test(name) ? 'News18' : 'Daily Mail';
}

/** The sample story's credits in one text, by start. */
function seedAttributions(text: string): Attribution[] {
  const found: Attribution[] = [];
  for (const [pattern, kind] of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      found.push({ source: outletOf(match[1] ?? ''), kind, start: match.index, end: match.index + match[0].length, text: match[0] });
    }
  }
  return found.sort((left, right) => left.start - right.start);
}

/** A credit to `source` at the first occurrence of `phrase` in `text`. */
function creditAt(text: string, phrase: string, source: string, kind: Attribution['kind'] = 'according-to'): Attribution {
  const start = text.indexOf(phrase);
  assert.ok(start >= 0, `"${phrase}" occurs`);
  return { source, kind, start, end: start + phrase.length, text: phrase };
}

const OUTLETS: Record<string, string | null> = { '000': null, '001': null, '002': null, '003': 'News18', '004': 'Tampa Free Press' };
const SEEDS: CompareDocument[] = Object.entries(OUTLETS).map(([id, outlet]) => ({ id, text: normalizedSeed(id), outlet, publishedAt: '2025-11-03' }));
const SEED_ATTRIBUTIONS = new Map(SEEDS.map((document) => [document.id, seedAttributions(document.text)]));
const SEED_CLAIMS = findClaims(SEEDS, SEED_ATTRIBUTIONS);

/** The claim holding a source of `documentId` whose text matches `pattern`. */
function claimWith(claims: readonly Claim[], documentId: string, pattern: RegExp): Claim {
  const claim = claims.find((candidate) => candidate.sources.some((source) => source.documentId === documentId && pattern.test(source.text)));
  assert.ok(claim, `a claim holds ${documentId}'s ${pattern}`);
  return claim;
}

function sourceOf(claim: Claim, documentId: string): ClaimSource {
  const source = claim.sources.find((candidate) => candidate.documentId === documentId);
  assert.ok(source, `${documentId} is a source`);
  return source;
}

/** Claims as sorted lists of their members, for comparing groupings. */
function membership(claims: readonly Claim[]): string[] {
  return claims.map((claim) => `${claim.id}=${claim.sources.map((source) => `${source.documentId}:${source.start}-${source.end}`).sort().join(',')}`).sort();
}

describe('claim units', () => {
  test('a long sentence is cut at " but ": the deployment clause stands alone, offsets exact', () => {
    const text = normalizedSeed('003');
    const units = claimUnitsOf(text);
    const clause = units.find((unit) => unit.text === 'Trump administration officials have said that the deployment is not imminent');
    assert.ok(clause, 'the clause is a unit');
    assert.ok(units.some((unit) => unit.text === 'early stages of training for the potential mission has begun.'));
    for (const unit of units) {
      assert.equal(unit.text, text.slice(unit.start, unit.end));
      assert.ok(unit.sentence.start <= unit.start && unit.end <= unit.sentence.end);
      assert.ok(unit.paragraph.start <= unit.sentence.start && unit.sentence.end <= unit.paragraph.end);
    }
  });

  test('speech tags and negations: who said it is not a term, "not" is', () => {
    const [unit] = claimUnitsOf('But a deployment to Mexico is not imminent, the two U.S. officials and one of the former U.S. officials said.');
    assert.deepEqual(unit?.terms, ['deploy', 'mexico', 'not', 'immin']);
  });

  test('page furniture and tiny fragments are skipped', () => {
    const units = claimUnitsOf('Read More\n\nLocation :\n\nAdvertisement\n\nThe council approved the harbor budget on Tuesday after a long debate.');
    assert.deepEqual(units.map((unit) => unit.text), ['The council approved the harbor budget on Tuesday after a long debate.']);
  });
});

describe('claims of the sample story', () => {
  test('"a deployment is not imminent" is one claim of 000, 002, 003 and 004 with one origin, NBC News', () => {
    const claim = claimWith(SEED_CLAIMS, '000', /not imminent/);
    const documents = claim.sources.map((source) => source.documentId);
    for (const id of ['000', '002', '003', '004']) assert.ok(documents.includes(id), `${id} carries it`);
    for (const source of claim.sources) assert.match(source.text, /not (?:considered )?imminent/);
    assert.equal(claim.origins, 1);
    assert.equal(claim.singleOrigin, true);
    assert.deepEqual(claim.originNames, ['NBC News']);
    assert.equal(sourceOf(claim, '004').basis, 'sentence', '004 credits NBC News in the same sentence');
    assert.equal(sourceOf(claim, '000').basis, 'document', '000 credits NBC News for the story');
  });

  test('003 says it twice and counts once', () => {
    const claim = claimWith(SEED_CLAIMS, '000', /not imminent/);
    assert.equal(claim.sources.filter((source) => source.documentId === '003').length, 1);
    const repeats = SEED_CLAIMS.flatMap((other) => other.sources).filter((source) => source.documentId === '003' && /not imminent/.test(source.text));
    assert.equal(repeats.length, 1, 'the other "not imminent" unit of 003 is in no claim');
  });

  test('002 and 004 share the senior administration official’s statement', () => {
    const claim = claimWith(SEED_CLAIMS, '002', /all-of-government approach/);
    assert.match(sourceOf(claim, '004').text, /all-of-government approach/);
    assert.equal(claim.singleOrigin, true);
  });

  test('000 and 003 share the Title 50 passage (U.S. and US alike)', () => {
    const claim = claimWith(SEED_CLAIMS, '000', /Title 50 status/);
    assert.match(sourceOf(claim, '003').text, /authority of the US intelligence community, known as Title 50 status/);
  });

  test('no claim holds two units of one document, and no unit is in two claims', () => {
    const seen = new Set<string>();
    for (const claim of SEED_CLAIMS) {
      const documents = claim.sources.map((source) => source.documentId);
      assert.equal(new Set(documents).size, documents.length, `${claim.id} has one source per document`);
      assert.ok(documents.length >= 2);
      for (const source of claim.sources) {
        const key = `${source.documentId}:${source.start}`;
        assert.ok(!seen.has(key), `${key} is in one claim`);
        seen.add(key);
      }
    }
  });

  test('Sheinbaum’s words and "not imminent" are never one claim', () => {
    for (const claim of SEED_CLAIMS) {
      const sheinbaum = claim.sources.some((source) => /subordinate|reject any form/.test(source.text));
      const imminent = claim.sources.some((source) => /imminent/.test(source.text));
      assert.ok(!(sheinbaum && imminent), claim.text);
    }
  });

  test('ids are "c" and 10 hex digits of the seed unit; claims and units come out the same on every run', () => {
    for (const claim of SEED_CLAIMS) assert.match(claim.id, /^c[0-9a-f]{10}$/);
    assert.equal(claimIdFor('000', 877), claimIdFor('000', 877));
    assert.notEqual(claimIdFor('000', 877), claimIdFor('000', 878));
    assert.deepEqual(findClaims(SEEDS, SEED_ATTRIBUTIONS), SEED_CLAIMS);
  });

  test('unique units: what no other document says (003’s Pershing history), never a claim’s source', () => {
    const unique = findUniqueUnits(SEEDS);
    assert.ok(unique.some((unit) => unit.documentId === '003' && /Pershing/.test(unit.text)));
    const sources = new Set(SEED_CLAIMS.flatMap((claim) => claim.sources.map((source) => `${source.documentId}:${source.start}`)));
    for (const unit of unique) assert.ok(!sources.has(`${unit.documentId}:${unit.start}`));
    assert.deepEqual(unique, analyzeClaims(SEEDS, SEED_ATTRIBUTIONS).unique);
  });

  test('property: shuffling the documents changes nothing; every source is its exact slice', () => {
    const expected = membership(SEED_CLAIMS);
    const texts = new Map(SEEDS.map((document) => [document.id, document.text]));
    fc.assert(
      fc.property(fc.shuffledSubarray(SEEDS, { minLength: SEEDS.length, maxLength: SEEDS.length }), (documents) => {
        const claims = findClaims(documents, SEED_ATTRIBUTIONS);
        assert.deepEqual(membership(claims), expected);
        for (const source of claims.flatMap((claim) => claim.sources)) {
          assert.equal(source.text, texts.get(source.documentId)?.slice(source.start, source.end));
        }
      }),
      { numRuns: 12 },
    );
  });
});

describe('origins', () => {
  const FILLER = [
    'The harbor authority opened a new ferry terminal on the east side of the bay last spring.',
    'Local farmers reported a strong apple harvest despite an unusually dry summer in the valley.',
    'A jazz festival drew thousands of visitors to the old town square over the long weekend.',
  ];
  const document = (id: string, outlet: string, publishedAt: string, lines: string[]): CompareDocument => ({
    id,
    outlet,
    publishedAt,
    text: lines.join('\n\n'),
  });

  test('two wire copies with no credit have one origin: the earlier one’s outlet', () => {
    const wire = 'The regional transit agency will suspend all night bus routes from March because of a severe shortage of licensed drivers, officials said.';
    const documents = [
      document('b', 'Evening Star', '2025-03-02', [FILLER[0]!, wire]),
      document('a', 'Daily Planet', '2025-03-01', [wire, FILLER[1]!]),
    ];
    const [claim, ...others] = findClaims(documents, new Map());
    assert.equal(others.length, 0);
    assert.ok(claim);
    assert.equal(claim.origins, 1);
    assert.deepEqual(claim.originNames, ['Daily Planet']);
    assert.deepEqual(
      claim.sources.map((source) => [source.documentId, source.credit, source.basis]),
      [
        ['a', 'Daily Planet', 'own'],
        ['b', 'Evening Star', 'copy'],
      ],
    );
  });

  test('two reports worded independently, each crediting another outlet, have two origins', () => {
    const herald = 'The city council will not approve the new stadium budget this year, according to the Herald.';
    const gazette = 'Council members are not going to approve the stadium budget this year, the Gazette reported.';
    const documents = [document('a', 'Metro Daily', '2025-03-01', [herald, FILLER[0]!]), document('b', 'Valley News', '2025-03-01', [FILLER[2]!, gazette])];
    const attributions = new Map([
      ['a', [creditAt(herald, 'according to the Herald', 'Herald')]],
      ['b', [creditAt(documents[1]!.text, 'the Gazette reported', 'Gazette', 'reported')]],
    ]);
    const [claim] = findClaims(documents, attributions);
    assert.ok(claim);
    assert.deepEqual(claim.originNames, ['Gazette', 'Herald']);
    assert.equal(claim.origins, 2);
    assert.equal(claim.singleOrigin, false);
  });

  test('a chain: crediting an outlet whose own article credits another counts that one origin', () => {
    const relay = 'The city council will not approve the new stadium budget this year, according to the Herald.';
    const first = 'Council members are not going to approve the stadium budget this year, the Gazette reported.';
    const documents = [document('a', 'Metro Daily', '2025-03-02', [relay]), document('b', 'Herald', '2025-03-01', [first, FILLER[1]!])];
    const attributions = new Map([
      ['a', [creditAt(relay, 'according to the Herald', 'Herald')]],
      ['b', [creditAt(first, 'the Gazette reported', 'Gazette', 'reported')]],
    ]);
    const [claim] = findClaims(documents, attributions);
    assert.ok(claim);
    assert.deepEqual(claim.originNames, ['Gazette']);
    assert.deepEqual(
      claim.sources.map((source) => [source.documentId, source.credit, source.basis]),
      [
        ['b', 'Gazette', 'sentence'],
        ['a', 'Herald', 'chain'],
      ],
    );
  });

  test('the credit rule: same sentence, then earlier in the paragraph, then the story’s most credited outlet, then itself', () => {
    const text = [
      'The mayor, according to the Herald, will resign in June. Her deputy is expected to take over the office.',
      'A budget vote is scheduled for the autumn session of the council.',
      'The Gazette reported the plan first. The Gazette also reported on the harbor. The Herald covered the vote.',
    ].join('\n\n');
    const own: CompareDocument = { id: 'x', text, outlet: 'Herald', publishedAt: null };
    const other: CompareDocument = { ...own, outlet: 'Metro Daily' };
    const attributions = [
      creditAt(text, 'according to the Herald', 'Herald'),
      creditAt(text, 'The Gazette reported', 'Gazette', 'reported'),
      creditAt(text, 'The Gazette also reported', 'Gazette', 'reported'),
      creditAt(text, 'The Herald covered', 'Herald', 'reported'),
    ];
    const units = claimUnitsOf(text);
    const unitWith = (phrase: string) => units.find((unit) => unit.text.includes(phrase))!;
    const credit = (document: CompareDocument, phrase: string) => {
      const citations = citationsOf(document, attributions);
      return creditFor(unitWith(phrase), document, citations, storyCitation(citations));
    };
    assert.deepEqual(credit(other, 'will resign'), { outlet: 'Herald', basis: 'sentence' });
    assert.deepEqual(credit(other, 'deputy'), { outlet: 'Herald', basis: 'paragraph' });
    assert.deepEqual(credit(other, 'budget vote'), { outlet: 'Herald', basis: 'document' }, 'Herald and Gazette twice each: the first credited wins');
    assert.deepEqual(credit(own, 'budget vote'), { outlet: 'Gazette', basis: 'document' }, 'credits to its own outlet do not count');
    assert.deepEqual(creditFor(unitWith('budget vote'), other, [], null), { outlet: 'Metro Daily', basis: 'own' });
  });
});
