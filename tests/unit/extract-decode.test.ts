import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeBytes, decodeWindows1252, sniffBinaryFormat } from '../../src-main/core/extract/decode';
import { isNormalized, normalizeText } from '../../src-main/core/extract/normalize';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...parts: Array<number[] | string>): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...utf8(part)] : part)));

function utf16(text: string, order: 'le' | 'be', bom = true): Uint8Array {
  const out: number[] = bom ? (order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (order === 'le') out.push(unit & 0xff, unit >> 8);
    else out.push(unit >> 8, unit & 0xff);
  }
  return Uint8Array.from(out);
}

function decoded(input: Uint8Array, options?: { htmlMetaCharset?: boolean }): { text: string; encoding: string } {
  const result = decodeBytes(input, options);
  assert.ok(result.ok, `expected text, got ${JSON.stringify(result)}`);
  return { text: result.text, encoding: result.encoding };
}

function refusal(input: Uint8Array): { code: string; message: string } {
  const result = decodeBytes(input);
  assert.equal(result.ok, false, 'expected a refusal');
  return result.ok ? { code: '', message: '' } : result.error;
}

test('UTF-8 without and with BOM: BOM stripped', () => {
  assert.deepEqual(decoded(utf8('Café “quoted” — ok')), { text: 'Café “quoted” — ok', encoding: 'utf-8' });
  assert.deepEqual(decoded(bytes([0xef, 0xbb, 0xbf], 'Hello')), { text: 'Hello', encoding: 'utf-8' });
});

test('UTF-16 LE and BE with BOM', () => {
  const text = 'Reporters’ notes: “Ñandú” 😀';
  assert.deepEqual(decoded(utf16(text, 'le')), { text, encoding: 'utf-16le' });
  assert.deepEqual(decoded(utf16(text, 'be')), { text, encoding: 'utf-16be' });
});

test('UTF-16 LE without BOM is recognised rather than refused as binary', () => {
  assert.deepEqual(decoded(utf16('Plain ASCII text saved as UTF-16.', 'le', false)), {
    text: 'Plain ASCII text saved as UTF-16.',
    encoding: 'utf-16le',
  });
});

test('Windows-1252 bytes 0x93/0x94 come out as curly quotes', () => {
  const result = decoded(bytes('He said ', [0x93], 'no', [0x94], ' for ', [0x80], '5 ', [0x97], ' done'));
  assert.equal(result.encoding, 'windows-1252');
  assert.equal(result.text, 'He said “no” for €5 — done');
});

test('invalid UTF-8 falls back to Windows-1252', () => {
  assert.deepEqual(decoded(bytes('caf', [0xe9], ' au lait')), { text: 'café au lait', encoding: 'windows-1252' });
});

test('decodeWindows1252 maps the whole 0x80–0x9F range and leaves the five undefined bytes as they are', () => {
  const high = Uint8Array.from({ length: 32 }, (_, index) => 0x80 + index);
  const text = decodeWindows1252(high);
  assert.equal(text.length, 32);
  assert.equal(text[0], '€');
  assert.equal(text[0x93 - 0x80], '“');
  assert.equal(text[0x94 - 0x80], '”');
  assert.equal(text[0x99 - 0x80], '™');
  assert.equal(text[0x81 - 0x80], '\u0081');
  assert.equal(decodeWindows1252(bytes([0xe9, 0xff])), 'éÿ');
});

test('known binary formats are refused with their name', () => {
  const cases: Array<[number[], string]> = [
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'This file looks like a PNG image, not text.'],
    [[0xff, 0xd8, 0xff, 0xe0], 'This file looks like a JPEG image, not text.'],
    [[...utf8('GIF89a'), 1, 0], 'This file looks like a GIF image, not text.'],
    [[...utf8('%PDF-1.7\n')], 'This file looks like a PDF document, not text.'],
    [[0x50, 0x4b, 0x03, 0x04, 20, 0], 'This file looks like a ZIP archive (or a Word, Excel or EPUB file), not text.'],
    [[0x1f, 0x8b, 8, 0], 'This file looks like a gzip-compressed file, not text.'],
    [[0x7f, 0x45, 0x4c, 0x46, 2, 1], 'This file looks like a program (ELF executable), not text.'],
  ];
  for (const [signature, message] of cases) {
    assert.deepEqual(refusal(Uint8Array.from(signature)), { code: 'binary', message });
  }
  assert.equal(sniffBinaryFormat(utf8('GIF is a format')), null);
});

test('NUL-laden bytes are binary, a stray NUL in long text is tolerated', () => {
  const laden = Uint8Array.from({ length: 4000 }, (_, index) => (index % 7 === 0 ? 0 : 0x41 + (index % 26)));
  assert.equal(refusal(laden).code, 'binary');
  const text = 'A sentence of an article. '.repeat(100);
  const stray = bytes(text, [0], text);
  const result = decoded(stray);
  assert.equal(result.text.length, text.length * 2 + 1);
});

test('a high share of control characters is binary', () => {
  const controls = Uint8Array.from({ length: 1000 }, (_, index) => (index % 3 === 0 ? 0x01 + (index % 8) : 0x61));
  assert.deepEqual(refusal(controls), { code: 'binary', message: 'This file contains binary data, not readable text.' });
});

test('empty and whitespace-only files are refused as empty', () => {
  assert.deepEqual(refusal(new Uint8Array(0)), { code: 'empty', message: 'The file is empty.' });
  assert.deepEqual(refusal(utf8(' \n\t \r\n ')), { code: 'empty', message: 'The file is empty.' });
  assert.deepEqual(refusal(utf16('   \n', 'le')), { code: 'empty', message: 'The file is empty.' });
  assert.deepEqual(refusal(bytes([0xef, 0xbb, 0xbf])), { code: 'empty', message: 'The file is empty.' });
});

test('HTML <meta charset> is honoured for bytes that are not UTF-8', () => {
  const html = bytes('<html><head><meta charset="windows-1251"></head><body>', [0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2], '</body>');
  const withMeta = decoded(html, { htmlMetaCharset: true });
  assert.equal(withMeta.encoding, 'windows-1251');
  assert.ok(withMeta.text.includes('Привет'));
  const withoutMeta = decoded(html);
  assert.equal(withoutMeta.encoding, 'windows-1252');
  assert.ok(!withoutMeta.text.includes('Привет'));
});

test('http-equiv content-type charset is honoured too', () => {
  const html = bytes(
    '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>',
    [0x93],
    'Quoted',
    [0x94],
    '</p>',
  );
  const result = decoded(html, { htmlMetaCharset: true });
  assert.equal(result.encoding, 'windows-1252');
  assert.ok(result.text.includes('“Quoted”'));
});

test('a stale meta charset does not turn valid multi-byte UTF-8 into mojibake; a lying utf-8 meta does not either', () => {
  const resaved = decoded(utf8('<meta charset="windows-1252"><p>“Quoted” café</p>'), { htmlMetaCharset: true });
  assert.deepEqual([resaved.encoding, resaved.text.includes('“Quoted” café')], ['utf-8', true]);
  const lying = decoded(bytes('<meta charset="utf-8"><p>', [0x93], 'x', [0x94], '</p>'), { htmlMetaCharset: true });
  assert.deepEqual([lying.encoding, lying.text.includes('“x”')], ['windows-1252', true]);
  const unknown = decoded(bytes('<meta charset="x-bogus"><p>caf', [0xe9], '</p>'), { htmlMetaCharset: true });
  assert.deepEqual([unknown.encoding, unknown.text.includes('café')], ['windows-1252', true]);
});

test('property: UTF-8 text round-trips unchanged', () => {
  const printable = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }).filter((text) => {
    const encoded = utf8(text);
    return text.trim() !== '' && !/[\u0000-\u001f\u007f-\u009f\ufffd\ufeff]/.test(text) && sniffBinaryFormat(encoded) === null;
  });
  fc.assert(
    fc.property(printable, (text) => {
      const result = decodeBytes(utf8(text));
      assert.ok(result.ok);
      assert.equal(result.text, text);
      assert.equal(result.encoding, 'utf-8');
    }),
  );
});

test('property: decodeBytes never throws on arbitrary bytes', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 600 }), fc.boolean(), (input, html) => {
      const result = decodeBytes(input, { htmlMetaCharset: html });
      assert.equal(typeof result.ok, 'boolean');
    }),
  );
});

test('normalizeText: NFC, LF, controls, spaces, blank lines, trimming', () => {
  assert.equal(normalizeText('Cafe\u0301\r\nnext\rline'), 'Café\nnext\nline');
  assert.equal(normalizeText('a\u0000b\u0007c\td\u00a0\u00a0e   f'), 'abc d e f');
  assert.equal(normalizeText('  first  \n   second line \n\n\n\n third '), 'first\nsecond line\n\nthird');
  assert.equal(normalizeText('\ufeffx\u2028y\u2029z\fw'), 'x\ny\n\nz\nw');
  assert.equal(normalizeText(' \n \t\n'), '');
});

test('property: normalizeText is idempotent', () => {
  const pieces = fc.constantFrom(' ', '\t', '\n', '\r', '\r\n', '\u00a0', '\u0000', '\u0007', '\u0301', '\u2028', '\u2029', 'e', 'A', '한', '\u1100', '\u1161', '\ufeff', '\u2000', '\u0085', '\v');
  const mixed = fc.array(fc.oneof(pieces, fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 60 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(fc.oneof(mixed, fc.string({ unit: 'binary' })), (text) => {
      const once = normalizeText(text);
      assert.equal(normalizeText(once), once);
      assert.ok(isNormalized(once));
      assert.ok(!/\n{3,}|^\s|\s$|[ \t]\n|\n[ \t]|\r/.test(once));
    }),
    { numRuns: 2000 },
  );
});
