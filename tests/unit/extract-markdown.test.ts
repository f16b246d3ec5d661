import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseMarkdown, splitFrontMatter } from '../../src-main/core/extract/markdown';
import { parsePlainText } from '../../src-main/core/extract/plain';
import { normalizeText } from '../../src-main/core/extract/normalize';

test('front matter gives title, outlet, date, authors and url', () => {
  const parsed = parseMarkdown(
    [
      '---',
      'title: "US weighs troops in Mexico"',
      'outlet: Reuters',
      'date: 2025-11-03',
      'author: [Jane Doe, John Roe]',
      'url: https://example.com/story',
      '---',
      '',
      'The body starts here.',
    ].join('\n'),
  );
  assert.deepEqual(parsed.metadata, {
    title: 'US weighs troops in Mexico',
    outlet: 'Reuters',
    byline: 'Jane Doe, John Roe',
    published: '2025-11-03',
    url: 'https://example.com/story',
  });
  assert.equal(parsed.format, 'md');
  assert.equal(parsed.rawText, 'The body starts here.');
});

test('front matter key variants: site_name, published_at with time, byline with "By", canonical_url', () => {
  const parsed = parseMarkdown(
    '---\nsite_name: The Daily\npublished_at: "2025-11-03T14:05:00Z"\nbyline: By Ana Ruiz\ncanonical_url: https://daily.example/a\n---\nText.',
  );
  assert.deepEqual(parsed.metadata, {
    title: null,
    outlet: 'The Daily',
    byline: 'Ana Ruiz',
    published: '2025-11-03T14:05:00+00:00',
    url: 'https://daily.example/a',
  });
});

test('unusable front matter values stay null: javascript: url, impossible date', () => {
  const parsed = parseMarkdown('---\nurl: "javascript:alert(1)"\ndate: 2025-13-45\ntitle: ""\n---\nBody.');
  assert.deepEqual(parsed.metadata, { title: null, outlet: null, byline: null, published: null, url: null });
});

test('malformed front matter is ignored and the body kept', () => {
  const parsed = parseMarkdown('---\ntitle: [unclosed\nauthor: "x\n---\nThe body survives.');
  assert.equal(parsed.rawText, 'The body survives.');
  assert.equal(parsed.metadata.title, null);
  assert.equal(parsed.metadata.byline, null);
});

test('front matter that is not a mapping is not front matter', () => {
  const split = splitFrontMatter('---\njust a sentence\n---\nafter');
  assert.deepEqual(split.fields, {});
  assert.ok(split.body.includes('just a sentence'));
});

test('a leading # heading gives the title when front matter has none, and stays a paragraph', () => {
  const parsed = parseMarkdown('# Cartels *targeted*\n\nFirst paragraph.');
  assert.equal(parsed.metadata.title, 'Cartels targeted');
  assert.equal(parsed.rawText, 'Cartels targeted\n\nFirst paragraph.');
  const withFrontMatter = parseMarkdown('---\ntitle: Declared\n---\n# Heading\n\nBody.');
  assert.equal(withFrontMatter.metadata.title, 'Declared');
  assert.equal(parseMarkdown('Intro first.\n\n# Later heading').metadata.title, null);
  assert.equal(parseMarkdown('## Second level\n\nBody.').metadata.title, null);
});

test('Markdown syntax is reduced to reading text', () => {
  const source = [
    'Some **bold**, _em_ and [a link](https://example.com "t") with ![the alt text](img.png) and `code span`.',
    'Same paragraph, AT&amp;T &ldquo;quoted&rdquo;.',
    '',
    '## Sub heading',
    '',
    '- item one',
    '- item **two**',
    '  - nested item',
    '1. first',
    '2. second',
    '',
    '> quoted paragraph',
    '>',
    '> second quoted',
    '',
    '```js',
    'let x = 1;',
    '```',
    '',
    '| Name | Votes |',
    '|------|-------|',
    '| Ana  | 12    |',
    '',
    '<div class="x">Block <b>html</b><script>alert("no")</script></div>',
    '',
    '[ref]: https://example.com',
    '',
    '***',
    '',
    'Last line<br>after break <script>alert("inline")</script>and <style>p{}</style>more',
  ].join('\r\n');
  const text = parseMarkdown(source).rawText;
  assert.equal(
    text,
    [
      'Some bold, em and a link with and code span.\nSame paragraph, AT&T “quoted”.',
      'Sub heading',
      'item one\nitem two\nnested item',
      'first\nsecond',
      'quoted paragraph',
      'second quoted',
      'let x = 1;',
      'Name | Votes\nAna | 12',
      'Block html',
      'Last line\nafter break and more',
    ].join('\n\n'),
  );
  assert.ok(!text.includes('the alt text'));
  assert.ok(!/[*#`]|\]\(|<\/?[a-z]/i.test(text));
});

test('hostile Markdown finishes quickly and keeps its words', () => {
  const started = Date.now();
  const deepQuote = parseMarkdown('>'.repeat(100_000) + ' hello');
  assert.ok(deepQuote.rawText.includes('hello'));
  const delimiters = parseMarkdown('_a '.repeat(100_000));
  assert.ok(delimiters.rawText.startsWith('_a _a'));
  const deepList = parseMarkdown(Array.from({ length: 3000 }, (_, index) => ' '.repeat(index * 2) + '- item').join('\n'));
  assert.ok(deepList.rawText.startsWith('item\nitem'));
  const deepHtml = parseMarkdown('<div>'.repeat(100_000) + 'inner words');
  assert.ok(deepHtml.rawText.includes('inner words'));
  assert.ok(Date.now() - started < 15_000, `took ${Date.now() - started} ms`);
});

test('plain text is normalized, with no declared metadata', () => {
  const parsed = parsePlainText(' date 2025-11-03 Lead sentence.\r\n\r\n\r\n\r\nSecond  paragraph. ');
  assert.deepEqual(parsed, {
    format: 'txt',
    rawText: 'date 2025-11-03 Lead sentence.\n\nSecond paragraph.',
    metadata: { title: null, outlet: null, byline: null, published: null, url: null },
    boilerplate: [],
  });
});

test('property: parseMarkdown never throws and always returns normalized text', () => {
  const markdownish = fc
    .array(fc.oneof(fc.constantFrom('# ', '---\n', '> ', '- ', '*', '_', '`', '[', '](', ')', '|', '\n', '\n\n', '<b>', '&amp;', '  '), fc.string({ maxLength: 10 })), {
      maxLength: 40,
    })
    .map((parts) => parts.join(''));
  fc.assert(
    fc.property(fc.oneof(markdownish, fc.string()), (source) => {
      const parsed = parseMarkdown(source);
      assert.equal(normalizeText(parsed.rawText), parsed.rawText);
    }),
    { numRuns: 500 },
  );
});
