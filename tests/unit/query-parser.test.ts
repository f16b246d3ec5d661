import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maxQueryDepth, maxQueryLength, parseQuery } from '../../src-main/core/search/query-parser';
import { describeQuery, type QueryNode } from '../../src-main/core/search/query-ast';

/** The parsed query written back in syntax (see describeQuery), or the error message. */
function read(input: string, fields?: readonly string[]): string {
  const parsed = parseQuery(input, fields ? { fields } : {});
  return parsed.ok ? describeQuery(parsed.query) : `error: ${parsed.error.message}`;
}

function parsed(input: string): QueryNode {
  const outcome = parseQuery(input);
  assert.ok(outcome.ok, input);
  return outcome.query;
}

function failure(input: string): { message: string; position: number; fallback: string | null } {
  const outcome = parseQuery(input);
  assert.ok(!outcome.ok, `${input} should fail`);
  return { ...outcome.error, fallback: outcome.fallback ? describeQuery(outcome.fallback) : null };
}

test('words, phrases and the implicit AND', () => {
  assert.equal(read('mayor'), 'mayor');
  assert.equal(read('mayor police'), '(+mayor +police)');
  assert.equal(read('"drug cart" mayor'), '(+"drug cart" +mayor)');
  assert.equal(read('“drug cart”'), '"drug cart"', 'curly quotes are quotes');
  assert.equal(read('„drug cart“'), '"drug cart"');
  assert.equal(read('"mayor"'), 'mayor', 'a one-word phrase is a word');
  assert.equal(read('and or not'), '(+and +or +not)', 'lowercase operators are words');
  assert.equal(read('Mayor'), 'Mayor', 'case is kept; the index folds it');
});

test('AND, OR, NOT precedence: NOT > AND > OR', () => {
  assert.equal(read('a OR b c'), '(a OR (+b +c))');
  assert.equal(read('a b OR c d'), '((+a +b) OR (+c +d))');
  assert.equal(read('a AND b OR c'), '((+a +b) OR c)');
  assert.equal(read('a OR b OR c'), '(a OR b OR c)');
  assert.equal(read('a NOT b'), '(+a -b)');
  assert.equal(read('a AND NOT b'), '(+a -b)');
  assert.equal(read('(a OR b) c'), '(+(a OR b) +c)');
  assert.equal(read('a (b c)'), '(+a +b +c)', 'nested AND groups flatten');
  assert.equal(read('(((a)))'), 'a');
});

test('Lucene +/-: with a +word, plain words become optional', () => {
  assert.equal(read('+a -b c'), '(+a -b c)');
  const query = parsed('+a -b c');
  assert.ok(query.kind === 'and');
  assert.deepEqual(query.should.map(describeQuery), ['c']);
  assert.equal(read('a -b c'), '(+a -b +c)', 'without a +word every plain word is required');
  assert.equal(read('+a b AND c'), '(+a +b +c)', 'words joined by AND are required');
  assert.equal(read('(-a) b'), '(-a +b)', 'a group of exclusions adds them to its parent');
  assert.equal(read('-(-a) b'), '(+a +b)');
  assert.equal(read('a - b'), '(+a +b)', 'a lone dash is punctuation');
  assert.equal(read('a-b'), '"a b"');
});

test('fields: term, phrase, group, case-insensitive names, inner field wins', () => {
  assert.equal(read('title:mayor'), 'title:mayor');
  assert.equal(read('Title:"drug cart"'), 'title:"drug cart"');
  assert.equal(read('title:(a OR b) c'), '(+(title:a OR title:b) +c)');
  assert.equal(read('title: mayor'), 'title:mayor', 'a space after the colon is allowed');
  assert.equal(read('title:(a outlet:b)'), '(+title:a +outlet:b)');
  assert.equal(read('-title:mayor x'), '(-title:mayor +x)');
  assert.equal(read('speaker:smith', ['title', 'speaker']), 'speaker:smith', 'the field list is a parameter');
  assert.equal(read('10:30'), '"10 30"', 'digits before a colon are not a field');
});

test('prefix, fuzzy and boosts', () => {
  assert.equal(read('cart*'), 'cart*');
  assert.equal(read('mayr~1'), 'mayr~1');
  assert.equal(read('mayr~'), 'mayr~2', '~ alone means distance 2');
  assert.equal(read('mayr~0'), 'mayr');
  assert.equal(read('mayor^2'), 'mayor^2');
  assert.equal(read('"drug cart"^3'), '"drug cart"^3');
  assert.equal(read('mayr~1^2'), 'mayr~1^2');
  assert.equal(read('(a b)^2'), '(+a +b)^2');
  assert.equal(read('title:(a OR b)^2'), '(title:a OR title:b)^2');
  assert.equal(read('drug-ca*'), '(+drug +ca*)');
});

test('adjustments come back as warnings, not errors', () => {
  const cases: [string, string, RegExp][] = [
    ['mayr~5', 'mayr~2', /at most 2/],
    ['mayor^20', 'mayor^10', /at most 10/],
    ['mayor^0', 'mayor', /above 0/],
    ['a*', 'a', /at least 2 letters/],
    ['"a b"~3', '"a b"', /Proximity/],
    ['ca*t', '(+ca* +t)', /end of a word/],
    ['mayor ^ police', '(+mayor +police)', /Ignored "\^"/],
    ['"" mayor', 'mayor', /empty quotes/],
  ];
  for (const [input, expected, warning] of cases) {
    const outcome = parseQuery(input);
    assert.ok(outcome.ok, input);
    assert.equal(describeQuery(outcome.query), expected, input);
    assert.ok(outcome.warnings.some((text) => warning.test(text)), `${input}: ${outcome.warnings.join(' | ')}`);
  }
});

test('Unicode words: accents, apostrophes, U.S., numbers', () => {
  assert.equal(read('café crème'), '(+café +crème)');
  assert.equal(read("don't"), "don't");
  assert.equal(read('don’t'), "don't", 'curly apostrophe becomes straight');
  assert.equal(read('U.S. officials'), '(+"U S" +officials)');
  assert.equal(read('3,000'), '"3 000"');
  assert.equal(read('Zoë'), 'Zoë');
  assert.equal(read('東京'), '東京');
  assert.equal(read('cafe\u0301'), 'café', 'input is NFC-normalized');
  assert.equal(read("students' union"), '(+students +union)');
});

test('errors: clear message, position, literal fallback', () => {
  assert.deepEqual(failure('"drug cart'), {
    message: 'Unclosed quote: add a closing " after "drug cart',
    position: 0,
    fallback: '(+drug +cart)',
  });
  assert.deepEqual(failure('mayor (police OR chief'), {
    message: 'Missing closing parenthesis: every "(" needs a matching ")"',
    position: 6,
    fallback: '(+mayor +police +chief)',
  });
  assert.deepEqual(failure('mayor AND'), { message: '"AND" needs a word on both sides', position: 6, fallback: 'mayor' });
  assert.deepEqual(failure('OR mayor'), { message: '"OR" needs a word on both sides', position: 0, fallback: 'mayor' });
  assert.deepEqual(failure('a AND OR b'), { message: '"AND" needs a word on both sides', position: 2, fallback: '(+a +b)' });
  assert.deepEqual(failure('mayor NOT'), { message: '"NOT" needs a word after it', position: 6, fallback: 'mayor' });
  assert.deepEqual(failure('auther:smith'), {
    message: 'Unknown field "auther": use title, outlet, byline or text',
    position: 0,
    fallback: 'smith',
  });
  assert.deepEqual(failure('-mayor'), {
    message: 'A query needs at least one word to look for besides the excluded ones',
    position: 0,
    fallback: null,
  });
  assert.deepEqual(failure('mayor OR -police'), {
    message: 'A query needs at least one word to look for besides the excluded ones',
    position: 9,
    fallback: 'mayor',
  });
  assert.equal(failure('NOT mayor').message, 'A query needs at least one word to look for besides the excluded ones');
  assert.deepEqual(failure('mayor) police'), {
    message: 'Extra closing parenthesis: remove this ")" or add a "(" before it',
    position: 5,
    fallback: '(+mayor +police)',
  });
  assert.equal(failure('()').message, 'Empty parentheses: put a word between "(" and ")"');
  assert.equal(failure('title:').message, '"title:" needs a word or a quoted phrase after it');
  assert.equal(failure('').message, 'Type a word to search for');
  assert.equal(failure('   *** ').message, 'Type a word to search for');
});

test('the unclosed-quote message shows the end of a long phrase', () => {
  const { message } = failure(`mayor "${'word '.repeat(20)}end`);
  assert.ok(message.startsWith('Unclosed quote: add a closing " after …'), message);
  assert.ok(message.endsWith('word end'), message);
});

test('limits: length and nesting depth', () => {
  const long = 'word '.repeat(maxQueryLength / 5 + 1);
  const tooLong = failure(long);
  assert.match(tooLong.message, /too long/);
  assert.equal(tooLong.position, maxQueryLength);
  assert.equal(tooLong.fallback, 'word');
  assert.ok(parseQuery('word '.repeat(maxQueryLength / 5 - 1)).ok);
  const deep = (levels: number): string => `${'('.repeat(levels)}a${')'.repeat(levels)}`;
  assert.ok(parseQuery(deep(maxQueryDepth)).ok);
  assert.match(failure(deep(maxQueryDepth + 1)).message, /Too many nested parentheses/);
  assert.ok(parseQuery('NOT '.repeat(200) + 'a b').ok, 'long NOT chains do not recurse deeply');
});

test('the leaf nodes carry field and boost', () => {
  assert.deepEqual(parsed('title:cart*^2'), { kind: 'prefix', text: 'cart', field: 'title', boost: 2 });
  assert.deepEqual(parsed('mayr~1'), { kind: 'fuzzy', text: 'mayr', distance: 1, field: null, boost: 1 });
  assert.deepEqual(parsed('byline:"Ann Lee"^1.5'), { kind: 'phrase', words: ['Ann', 'Lee'], field: 'byline', boost: 1.5 });
  assert.deepEqual(parsed('mayor'), { kind: 'term', text: 'mayor', field: null, boost: 1 });
});

test('groups of exclusions: hoisted into the parent, or negated by De Morgan', () => {
  assert.equal(read('-(-a -b) c'), '(+(a OR b) +c)');
  assert.equal(read('c (-a -b)'), '(+c -a -b)');
  assert.equal(failure('mayor OR (-police)').position, 9);
  assert.equal(failure('(-police)').message, 'A query needs at least one word to look for besides the excluded ones');
});
