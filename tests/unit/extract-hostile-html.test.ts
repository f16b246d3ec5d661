import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractTextDocument } from '../../src-main/core/extract/index';
import { composeReadingText } from '../../src-main/core/extract/reading-text';
import { HOSTILE_ARTICLES, articleFileName, countByFamily } from '../e2e/hostile-articles';

/** What a payload leaves behind when it reaches the text: markup, the sentinel, its addresses, script URLs. */
const TRACES: ReadonlyArray<[string, RegExp]> = [
  ['markup', /<\/?[a-z!?][^<>]*>/i],
  ['the sentinel', /__pwned/],
  ['an off-machine address', /203\.0\.113\.|example\.invalid/],
  ['a script URL', /(?:java|vb|live)script:/i],
  ['a handler', /\bon[a-z]+\s*=/i],
];

/** The text with every literal the article shows on purpose blanked out. */
function withoutLiterals(text: string, literals: readonly string[]): string {
  return literals.reduce((rest, literal) => rest.split(literal).join(' '), text);
}

test('the hostile corpus: at least 50 distinct articles over every attack family', () => {
  assert.ok(HOSTILE_ARTICLES.length >= 50, `${HOSTILE_ARTICLES.length} articles`);
  assert.equal(new Set(HOSTILE_ARTICLES.map((article) => article.name)).size, HOSTILE_ARTICLES.length);
  assert.equal(new Set(HOSTILE_ARTICLES.map((article) => article.headline)).size, HOSTILE_ARTICLES.length);
  assert.equal(new Set(HOSTILE_ARTICLES.map((article) => article.lead)).size, HOSTILE_ARTICLES.length);
  assert.ok(Object.keys(countByFamily(HOSTILE_ARTICLES)).length >= 15);
});

for (const article of HOSTILE_ARTICLES) {
  test(`hostile HTML, ${article.name}: the article's paragraphs as plain text, none of the payload`, () => {
    const outcome = extractTextDocument(new TextEncoder().encode(article.html), articleFileName(article));
    assert.ok(outcome.ok, `not extracted: ${JSON.stringify(outcome)}`);
    const { rawText, boilerplate, metadata } = outcome.value;
    const reading = composeReadingText(rawText, boilerplate);
    for (const paragraph of [article.lead, ...article.paragraphs]) {
      assert.ok(reading.includes(paragraph), `lost from the reading text: "${paragraph.slice(0, 60)}…"`);
    }
    if (article.touch !== undefined) assert.ok(reading.includes(article.touch), `the phrase to hover is lost: ${article.touch}`);
    for (const literal of article.literals ?? []) {
      assert.ok(reading.includes(literal), `the article's own text is not shown as it is: ${literal}`);
    }
    const rest = withoutLiterals(rawText, article.literals ?? []);
    for (const [trace, pattern] of TRACES) {
      const found = pattern.exec(rest);
      assert.equal(found, null, `${trace} in the text: …${found === null ? '' : rest.slice(Math.max(0, found.index - 40), found.index + 80)}…`);
    }
    assert.ok(metadata.url === null || /^https?:\/\//.test(metadata.url), `url: ${metadata.url}`);
  });
}
