// The extraction fast paths (a hand-written word counter, normalization passes skipped when a cheap test shows they
// would change nothing) must give exactly what the plain regex passes give: compared here on tricky and random text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { countWords } from '../../src-main/core/ingest/text-identity';
import { normalizeText } from '../../src-main/core/extract/normalize';

/** The word count as first written: the matches of the word pattern. */
function referenceWordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Normalization as first written: every pass, always. */
function referenceNormalize(text: string): string {
  const blank = '[\\t \\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]';
  const spaceRuns = new RegExp(`[\\t\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]${blank}*| ${blank}+`, 'g');
  return text
    .replace(/\r\n?|[\v\f\u0085\u2028]/g, '\n')
    .replace(/\u2029/g, '\n\n')
    .replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u009F\uFEFF]/g, '')
    .normalize('NFC')
    .replace(spaceRuns, ' ')
    .replace(/^ +| +$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Characters that sit on the edges of the fast paths: scripts, digits, joiners and look-alikes, marks, surrogates, blanks, breaks. */
const PIECES = [
  'a', 'Z', '7', 'é', 'ß', 'Ω', 'ж', 'ع', '٣', 'א', 'क', '१', 'ก', '中', 'あ', '한', 'Ⅻ', '²', '½', '𝐀', '𝟎', '𐌰', '１',
  "'", '’', '-', '‘', 'ʼ', '‐', '‑', '–', '—', '－', '`', '\u00AD', '.', ',', '"', '“', ')',
  '\u0301', '\u20E3', '\uFE0F', '\u200D', '👍', '🏽', '\uD800', '\uDBFF', '\uDC00', '\uD835', 'Å', '\u212B', '\u2000',
  ' ', '  ', '\t', '\u00A0', '\u1680', '\u2005', '\u202F', '\u205F', '\u3000', '\u200B',
  '\n', '\n\n', '\n\n\n', ' \n', '\n ', '\r\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029', '\u0000', '\u0007', '\u007F', '\u009F', '\uFEFF',
];

const trickyText = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((pieces) => pieces.join(''));

test('countWords gives the match count of the word pattern on tricky words', () => {
  const samples = [
    '', ' ', "don't", 'rock’n’roll', 'well-known', "a--b a-'b a''b", '-lead trail- \'x x\'', 'Anne‑Marie', '3-4 12’s ’90s',
    'naïve e\u0301cole', '1\uFE0F\u20E3', '👍🏽 family 👨‍👩‍👧', '𝐀𝐁𝐂-𝟎𝟏 𐌰𐌱', 'lone \uD800 high a\uD800b \uDC00low', 'a’\uD835\uDC00',
    'العربية ٠١٢ עברית हिन्दी १२३ 中文 日本語 한국어', 'x'.repeat(5000), "a'".repeat(1000),
  ];
  for (const sample of samples) assert.equal(countWords(sample), referenceWordCount(sample), JSON.stringify(sample));
});

test('countWords matches the word pattern on every code point between letters (and beside joiners in the BMP)', () => {
  for (let codePoint = 0; codePoint <= 0x10ffff; codePoint += 1) {
    const character = String.fromCodePoint(codePoint);
    const texts = codePoint <= 0xffff ? ['a' + character + 'b', "1'" + character, character + '-' + character] : ['a' + character + 'b'];
    for (const text of texts) {
      if (countWords(text) !== referenceWordCount(text)) {
        assert.fail(`U+${codePoint.toString(16)} in ${JSON.stringify(text)}: ${countWords(text)} words, expected ${referenceWordCount(text)}`);
      }
    }
  }
});

test('countWords matches the word pattern on random text', () => {
  fc.assert(
    fc.property(trickyText, (text) => countWords(text) === referenceWordCount(text)),
    { numRuns: 20_000, seed: 20251121 },
  );
});

test('normalizeText, which skips passes with nothing to do, equals running every pass', () => {
  const samples = [
    '', 'plain text\n\nsecond paragraph\n', '  lead and trail  ', 'a  b', 'a\tb', 'a\u00A0\u00A0b', 'line \nline\n line',
    'a\r\nb\rc\u2028d\u2029e\u0085f\vg\fh', 'x\n\n\n\ny', 'ctrl\u0001\u007F\u009F\uFEFFend', 'e\u0301 \u2000 \u2001 A\u030A \u212B',
  ];
  for (const sample of samples) assert.equal(normalizeText(sample), referenceNormalize(sample), JSON.stringify(sample));
  fc.assert(
    fc.property(trickyText, (text) => normalizeText(text) === referenceNormalize(text)),
    { numRuns: 20_000, seed: 20251121 },
  );
});
