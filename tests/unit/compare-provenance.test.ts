import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findAttributions, normalizeOutletName } from '../../src-main/core/compare/provenance';
import type { Attribution, AttributionKind } from '../../src-main/core/compare/types';
import { normalizedSeed } from '../support/seed-text';

const SEEDS = ['000', '001', '002', '003', '004'];

/** Attributions as "kind source: text" lines, for readable comparisons. */
function summary(attributions: readonly Attribution[]): string[] {
  return attributions.map((item) => `${item.kind} ${item.source}: ${item.text}`);
}

/** Spans in range, non-empty, equal to their slice, ordered by start. */
function assertWellFormed(text: string, attributions: readonly Attribution[]): void {
  let previousStart = 0;
  for (const item of attributions) {
    assert.ok(item.start >= 0 && item.start < item.end && item.end <= text.length, 'in range and non-empty');
    assert.equal(item.text, text.slice(item.start, item.end), 'text is the slice');
    assert.ok(item.start >= previousStart, 'ordered by start');
    assert.ok(item.source.length > 0, 'named');
    previousStart = item.start;
  }
}

describe('seed story: re-reports of an NBC News scoop', () => {
  test('every seed credits NBC News at least once', () => {
    for (const prefix of SEEDS) {
      const text = normalizedSeed(prefix);
      const attributions = findAttributions(text);
      assertWellFormed(text, attributions);
      assert.ok(attributions.some((item) => item.source === 'NBC News'), `seed ${prefix} credits NBC News`);
    }
  });

  test('000: NBC News twice and The Independent, as "Independent"', () => {
    assert.deepEqual(summary(findAttributions(normalizedSeed('000'))), [
      'according-to NBC News: according to NBC News',
      'according-to NBC News: According to NBC News',
      'reported Independent: The Independent reported',
    ]);
  });

  test('001: NBC News, News18 and the Daily Mail; "Sources said" is no credit', () => {
    assert.deepEqual(summary(findAttributions(normalizedSeed('001'))), [
      'told NBC News: told NBC News',
      'according-to News18: According to News18',
      'reported Daily Mail: The Daily Mail reported',
      'according-to NBC News: According to NBC News',
      'according-to NBC News: According to NBC News',
      'first-reported NBC News: NBC first released a story',
    ]);
  });

  test('002: "according to a report by NBC News" is one credit', () => {
    assert.deepEqual(summary(findAttributions(normalizedSeed('002'))), [
      'according-to NBC News: According to a report by NBC News',
      'according-to NBC News: according to NBC News',
    ]);
  });

  test('003: "told broadcaster NBC News, who first reported" and "The broadcaster … reported" are NBC News', () => {
    const expected = [
      'told NBC News: told broadcaster NBC News',
      'first-reported NBC News: NBC News, who first reported the development',
      'reported NBC News: The broadcaster, citing two people working within the Trump administration, reported',
      'told CBS News: told broadcaster CBS News',
    ];
    const text = normalizedSeed('003');
    assert.deepEqual(summary(findAttributions(text, 'News18')), expected);
    assert.deepEqual(summary(findAttributions(text)), expected, 'bio and disclaimer lines are no credits either way');
  });

  test('003: own outlet News18 in page furniture yields nothing, in any spelling', () => {
    const text = normalizedSeed('003');
    const furniture = text.indexOf('Shankhyaneel Sarkar is a Chief Sub-Editor at News18');
    assert.notEqual(furniture, -1);
    for (const own of ['News18', 'NEWS18', 'news18.com', null]) {
      const attributions = findAttributions(text, own);
      assert.ok(attributions.every((item) => item.end <= furniture), `nothing in the furniture (own: ${own})`);
      assert.ok(attributions.every((item) => item.source !== 'News18'));
    }
  });

  test('004: NBC News reported, told NBC News, told NBC', () => {
    assert.deepEqual(summary(findAttributions(normalizedSeed('004'))), [
      'reported NBC News: NBC News reported',
      'told NBC News: told NBC News',
      'told NBC News: told NBC',
    ]);
  });

  test('a credit to the own outlet is dropped, any spelling', () => {
    const text = 'Officials told NBC News. According to News18, the plan is set.';
    assert.deepEqual(summary(findAttributions(text, 'nbcnews.com')), ['according-to News18: According to News18']);
    assert.deepEqual(summary(findAttributions(text, 'NBC')), ['according-to News18: According to News18']);
  });
});

describe('patterns', () => {
  const cases: Array<[sentence: string, kind: AttributionKind, source: string, span: string]> = [
    ['Officials spoke, according to NBC News.', 'according-to', 'NBC News', 'according to NBC News'],
    [
      'The deal collapsed, according to a report by the Associated Press.',
      'according-to',
      'Associated Press',
      'according to a report by the Associated Press',
    ],
    [
      'The talks stalled, according to a report in The New York Times.',
      'according-to',
      'New York Times',
      'according to a report in The New York Times',
    ],
    ['according to reporting by Axios, the talks stalled', 'according-to', 'Axios', 'according to reporting by Axios'],
    ['according to a Reuters report, the talks stalled', 'according-to', 'Reuters', 'according to a Reuters report'],
    ['The vote is set for Friday, per Axios.', 'according-to', 'Axios', 'per Axios'],
    ['NBC News reported on Monday that the plan was ready.', 'reported', 'NBC News', 'NBC News reported'],
    ['Reuters reports that the plan was ready.', 'reported', 'Reuters', 'Reuters reports'],
    ['Bloomberg has reported that the plan was ready.', 'reported', 'Bloomberg', 'Bloomberg has reported'],
    ['The talks stalled, as CNN reported last week.', 'reported', 'CNN', 'as CNN reported'],
    ['NBC News on Monday reported that the plan was ready.', 'reported', 'NBC News', 'NBC News on Monday reported'],
    ['NBC News said in a report that the plan was ready.', 'reported', 'NBC News', 'NBC News said in a report'],
    ['The Guardian newspaper reported that the plan was ready.', 'reported', 'Guardian', 'The Guardian newspaper reported'],
    ['The Mexican daily Reforma reported that troops moved.', 'reported', 'Reforma', 'Reforma reported'],
    ['France 24 reported that troops moved.', 'reported', 'France 24', 'France 24 reported'],
    ['The Times of India reported that troops moved.', 'reported', 'Times of India', 'The Times of India reported'],
    ['Jane Roe of the Daily Mail reported that troops moved.', 'reported', 'Daily Mail', 'the Daily Mail reported'],
    ['Meanwhile NBC News reported that troops moved.', 'reported', 'NBC News', 'NBC News reported'],
    ['a report by Politico said the move was near', 'reported', 'Politico', 'a report by Politico'],
    ["Axios's report said the move was near", 'reported', 'Axios', "Axios's report"],
    ['the Guardian’s reporting showed the move', 'reported', 'Guardian', 'the Guardian’s reporting'],
    ['It was reported by the Daily Mail on Sunday.', 'reported', 'Daily Mail', 'reported by the Daily Mail'],
    ['Two officials told NBC News.', 'told', 'NBC News', 'told NBC News'],
    ['Trump told broadcaster CBS News that he doubts it.', 'told', 'CBS News', 'told broadcaster CBS News'],
    ['She said in an interview with Al Jazeera that', 'told', 'Al Jazeera', 'in an interview with Al Jazeera'],
    ['A spokesman told an NBC News reporter that', 'told', 'NBC News', 'told an NBC News reporter'],
    ["He told CNN's Jake Tapper that", 'told', 'CNN', 'told CNN'],
    ['He told Fox News Digital that', 'told', 'Fox News', 'told Fox News Digital'],
    ['The ministry said, citing News18, that troops moved.', 'citing', 'News18', 'citing News18'],
    ['Reuters, citing three sources, said the deal was off.', 'citing', 'Reuters', 'Reuters, citing'],
    ['The clip was shared via Reuters.', 'citing', 'Reuters', 'via Reuters'],
    ['WASHINGTON (AP) — The Senate voted.', 'wire-tag', 'Associated Press', '(AP)'],
    ['MEXICO CITY, Mexico (Reuters) - Officials said', 'wire-tag', 'Reuters', '(Reuters)'],
    ['Intro.\n\n(Tampa Bay Times) — The city council met.', 'wire-tag', 'Tampa Bay Times', '(Tampa Bay Times)'],
    [
      'The vote passed.\nThe Associated Press contributed to this report.',
      'contributed',
      'Associated Press',
      'The Associated Press contributed to this report',
    ],
    ['The vote passed.\nReporting by Reuters; editing by Jane Doe', 'contributed', 'Reuters', 'Reporting by Reuters'],
    ['The plan was first reported by NBC News.', 'first-reported', 'NBC News', 'first reported by NBC News'],
    ['as the Washington Post first reported last week.', 'first-reported', 'Washington Post', 'as the Washington Post first reported'],
    ['Politico was first to report the meeting.', 'first-reported', 'Politico', 'Politico was first to report'],
    ['NBC News, which first reported the plan, said', 'first-reported', 'NBC News', 'NBC News, which first reported the plan'],
    ['according to nbcnews.com, the plan is ready', 'according-to', 'NBC News', 'according to nbcnews.com'],
  ];
  for (const [sentence, kind, source, span] of cases) {
    test(`${kind}: ${sentence}`, () => {
      const attributions = findAttributions(sentence);
      assertWellFormed(sentence, attributions);
      assert.deepEqual(summary(attributions), [`${kind} ${source}: ${span}`]);
    });
  }
});

describe('names introduced earlier', () => {
  test('"the broadcaster", "the newspaper" stand for the last outlet named', () => {
    const text = 'The Guardian published the memo. The broadcaster, citing two people, reported that it was real. ' +
      'According to the newspaper, the plan is old.';
    assert.deepEqual(summary(findAttributions(text)), [
      'reported Guardian: The broadcaster, citing two people, reported',
      'according-to Guardian: According to the newspaper',
    ]);
  });

  test('"the broadcaster" with no outlet named before is skipped', () => {
    assert.deepEqual(findAttributions('The broadcaster, citing two people, reported that it was real.'), []);
    assert.deepEqual(findAttributions('Officials told the network that it was real.'), []);
  });

  test('a name signaled once is an outlet later without its signal', () => {
    const text = 'according to the Mexican outlet Milenio, the army moved. Later Milenio reported that it had left.';
    assert.deepEqual(summary(findAttributions(text)), [
      'according-to Milenio: according to the Mexican outlet Milenio',
      'reported Milenio: Milenio reported',
    ]);
    assert.deepEqual(findAttributions('Later Milenio reported that it had left.'), [], 'unsignaled and unintroduced');
  });

  test('"the Times" after "The New York Times" is the New York Times, and alone is just "Times"', () => {
    const text = 'The New York Times broke the story. Later the Times said in a report that it stood by it.';
    assert.deepEqual(summary(findAttributions(text)), [
      'first-reported New York Times: The New York Times broke the story',
      'reported New York Times: the Times said in a report',
    ]);
    assert.deepEqual(summary(findAttributions('as the Times reported.')), ['reported Times: as the Times reported']);
  });
});

describe('negatives: persons, officials, governments, anonymous sources', () => {
  const sentences = [
    'He told Lena Roe on Tuesday that it was over.',
    'The plan is set, according to U.S. officials.',
    'The plan is set, according to two people familiar with the matter.',
    'The plan is set, according to the Pentagon.',
    'The plan is set, according to the mayor.',
    'The CIA reported a breach, according to the CIA.',
    'according to the Central Intelligence Agency',
    'according to the Department of Homeland Security',
    'The White House reported progress.',
    'Sources said the plan is ready.',
    'The Times Square crowd reported a loud bang.',
    'The Independent Electoral Commission reported turnout.',
    'the Associated Press (AP) is a wire service',
    '(Lena Roe) — text',
    'Jane Doe contributed to this report.',
    'Reporting by Jane Doe; Editing by John Roe',
    'He told reporters. She told the Senate.',
    'according to the paper, published in Nature',
    'Officials at the State Department said Lena Roe reported it.',
    'Two officials told us about it 24 hours later.',
    'Watch the clip at pic.twitter.com/IphgYwbaFC via twitter.com today.',
  ];
  for (const sentence of sentences) {
    test(sentence, () => assert.deepEqual(summary(findAttributions(sentence)), []));
  }
});

describe('normalizeOutletName', () => {
  const table: Array<[canonical: string, spellings: string[]]> = [
    ['NBC News', ['NBC', 'NBC News', 'nbcnews.com', 'NBCNews', 'https://www.nbcnews.com/news/world', 'NBC News’']],
    ['Associated Press', ['AP', 'the Associated Press', 'Associated Press', 'apnews.com']],
    ['Reuters', ['Reuters', 'Thomson Reuters', 'REUTERS', 'reuters.com']],
    ['Daily Mail', ['the Daily Mail', 'Daily Mail', 'MailOnline', 'dailymail.co.uk']],
    ['New York Times', ['The New York Times', 'NYT', 'nytimes.com', 'the New York Times’s']],
    ['Times', ['the Times', 'The Times']],
    ['News18', ['News18', 'NEWS18', 'news18.com']],
    ['Independent', ['The Independent', 'THE INDEPENDENT', 'the independent']],
    ['Guardian', ['The Guardian', 'theguardian.com', 'the Guardian’s']],
    ['CBS News', ['CBS', 'CBSNews', 'cbsnews.com']],
    ['BBC News', ['BBC', 'BBC News', 'bbc.co.uk']],
    ['CNN', ['CNN', 'edition.cnn.com']],
    ['Fox News', ['Fox News', 'FoxNews', 'Fox News Digital', 'foxnews.com']],
    ['Wall Street Journal', ['WSJ', 'The Wall Street Journal']],
    ['Washington Post', ['WaPo', 'the Washington Post']],
    ['Al Jazeera', ['Al Jazeera', 'Al-Jazeera', 'aljazeera.com']],
    ['Sky News', ['Sky News', 'SkyNews']],
    ['WION News', ['WION', 'WION News']],
    ['France 24', ['France 24']],
    ['Times of India', ['the Times of India']],
    ['New York Post', ['the new york post', 'NEW YORK POST']],
  ];
  for (const [canonical, spellings] of table) {
    test(canonical, () => {
      for (const spelling of spellings) assert.equal(normalizeOutletName(spelling), canonical, spelling);
    });
  }

  test('idempotent', () => {
    for (const [canonical] of table) assert.equal(normalizeOutletName(canonical), canonical);
  });
});

describe('spans', () => {
  test('ordered by start, each text its slice, overlapping credits kept when they say different things', () => {
    const text = 'WASHINGTON (AP) — Officials told broadcaster NBC News, who first reported the plan, that it was ' +
      'ready. According to a report by Reuters, citing Axios, the plan is old. The Daily Mail reported it too.';
    const attributions = findAttributions(text);
    assertWellFormed(text, attributions);
    assert.deepEqual(summary(attributions), [
      'wire-tag Associated Press: (AP)',
      'told NBC News: told broadcaster NBC News',
      'first-reported NBC News: NBC News, who first reported the plan',
      'according-to Reuters: According to a report by Reuters',
      'citing Axios: citing Axios',
      'reported Daily Mail: The Daily Mail reported',
    ]);
  });
});

describe('properties', () => {
  const pieces = fc.constantFrom(
    'according to ', 'NBC News', 'the broadcaster', 'The ', 'told ', ' reported', ', citing ', '(AP) — ', '(',
    ')', 'Reuters', 'nbcnews.com', ' ', '\n', ', ', '’s report', 'first reported by ', ' contributed to this report',
    'Lena Roe', 'Times', ' of ', 'News18', 'a report by ', 'via ', 'WASHINGTON ', '24', '.',
  );

  test('never throws; spans in range, equal to their slice, ordered, for arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.array(fc.oneof(pieces, fc.string({ maxLength: 6 })), { maxLength: 60 }).map((parts) => parts.join('')),
        ),
        fc.option(fc.constantFrom('NBC News', 'News18', 'AP', ''), { nil: null }),
        (text, own) => assertWellFormed(text, findAttributions(text, own)),
      ),
      { numRuns: 400 },
    );
  });

  test('seed text with random insertions stays well formed', () => {
    const seeds = SEEDS.map(normalizedSeed);
    fc.assert(
      fc.property(
        fc.nat({ max: seeds.length - 1 }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.oneof(pieces, fc.string({ maxLength: 12 }))), {
          maxLength: 12,
        }),
        (which, insertions) => {
          let text = seeds[which] ?? '';
          for (const [where, piece] of insertions) {
            const at = Math.floor(where * text.length);
            text = text.slice(0, at) + piece + text.slice(at);
          }
          assertWellFormed(text, findAttributions(text));
        },
      ),
      { numRuns: 200 },
    );
  });
});
