import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseEml } from '../../src-main/core/extract/eml';
import { attachmentFileName, safeFileName } from '../../src-main/core/extract/eml-attachment-names';
import { replyBoilerplate } from '../../src-main/core/extract/eml-replies';
import { isNormalized, normalizeText } from '../../src-main/core/extract/normalize';
import type { BoilerplateSpan, ParsedSource, ParseOutcome } from '../../src-main/core/extract/types';
import { base64Lines, makeArticleEml, makeEml, quotedPrintable } from '../support/eml-fixture';

const LEAD = 'The council approved the “harbour budget” on Monday, officials said.';
const SECOND = 'Critics called it ‘rushed’ — and said they’d appeal.';
/** Hostile-input tests fail instead of blocking the run if the parser ever hangs (a guard, not a timing assertion). */
const HANG_GUARD = { timeout: 120_000 };

function parsed(outcome: ParseOutcome): ParsedSource {
  if (!outcome.ok) assert.fail(`refused: ${outcome.error.code}: ${outcome.error.message}`);
  return outcome.value;
}

/** The shape every result must have: normalized text, spans sorted, disjoint, non-empty and within the text. */
function assertWellFormed(source: ParsedSource): void {
  assert.equal(source.format, 'eml');
  assert.ok(isNormalized(source.rawText), 'rawText is not normalized');
  let reached = 0;
  for (const span of source.boilerplate) {
    assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), 'integer offsets');
    assert.ok(span.start >= reached && span.end > span.start && span.end <= source.rawText.length, `span ${span.start}-${span.end} out of order or bounds`);
    reached = span.end;
  }
}

function spanTexts(source: ParsedSource): Array<[string, string]> {
  return source.boilerplate.map((span: BoilerplateSpan) => [span.reason, source.rawText.slice(span.start, span.end).trim()]);
}

test('plain-text message: sender as byline, date, subject as title, body with curly quotes', async () => {
  const source = parsed(await parseEml(makeArticleEml([LEAD, SECOND])));
  assertWellFormed(source);
  assert.equal(source.rawText, `${LEAD}\n\n${SECOND}`);
  assert.deepEqual(source.metadata, {
    title: 'Council approves the harbour budget',
    outlet: null,
    byline: 'Dana Ortiz',
    published: '2025-11-03T14:05:00.000Z',
    url: null,
  });
  assert.equal(source.encoding, 'utf-8');
  assert.deepEqual(source.attachments, []);
  assert.deepEqual(source.boilerplate, []);
});

test('the date keeps its time and zone; an unparseable or yearless date is unknown, not "now"', async () => {
  const zoned = parsed(await parseEml(makeArticleEml([LEAD], { date: 'Mon, 3 Nov 2025 10:15:00 +0100' })));
  assert.equal(zoned.metadata.published, '2025-11-03T09:15:00.000Z');
  for (const date of ['not a date', '12', 'Mon, 45 Nov 2025 99:99:99 +0100']) {
    const source = parsed(await parseEml(makeArticleEml([LEAD], { date })));
    assert.equal(source.metadata.published, null, date);
  }
});

test('a bare address is the byline when the sender gives no name', async () => {
  const source = parsed(await parseEml(makeArticleEml([LEAD], { from: 'dana@example.org' })));
  assert.equal(source.metadata.byline, 'dana@example.org');
});

test('RFC 2047 encoded subject and sender name are decoded', async () => {
  const utf8 = parsed(await parseEml(makeArticleEml([LEAD], { subject: 'Zoë’s “résumé” leaks', from: '"Zoë Ærø" <zoe@example.org>' })));
  assert.equal(utf8.metadata.title, 'Zoë’s “résumé” leaks');
  assert.equal(utf8.metadata.byline, 'Zoë Ærø');
  const latin = parsed(
    await parseEml(makeArticleEml([LEAD], { subject: '=?ISO-8859-1?Q?Caf=E9_budget_d=E9bat?=', from: '=?iso-8859-1?q?Jos=E9_Mart=EDnez?= <jose@example.org>' })),
  );
  assert.equal(latin.metadata.title, 'Café budget débat');
  assert.equal(latin.metadata.byline, 'José Martínez');
});

test('quoted-printable body: =E2=80=9C curly quotes decoded', async () => {
  const bytes = makeArticleEml([LEAD, SECOND], { transferEncoding: 'quoted-printable' });
  const wire = Buffer.from(bytes).toString('latin1');
  assert.ok(wire.includes('=E2=80=9Charbour budget=E2=80=9D'), 'the fixture wrote quoted-printable');
  const source = parsed(await parseEml(bytes));
  assertWellFormed(source);
  assert.equal(source.rawText, `${LEAD}\n\n${SECOND}`);
});

test('base64 body and a long quoted-printable paragraph (soft line breaks) come back whole', async () => {
  const long = `${LEAD} ${'Another clause of the long paragraph, with “quotes” too. '.repeat(12).trim()}`;
  for (const transferEncoding of ['base64', 'quoted-printable'] as const) {
    const source = parsed(await parseEml(makeArticleEml([long, SECOND], { transferEncoding })));
    assert.equal(source.rawText, `${long}\n\n${SECOND}`, transferEncoding);
  }
});

test('ISO-8859-1 and windows-1252 bodies are decoded from their declared charset, which is reported', async () => {
  const latin = parsed(await parseEml(makeArticleEml(['Café déjà vu à Genève, 25 °C.'], { charset: 'iso-8859-1', transferEncoding: '8bit' })));
  assert.equal(latin.rawText, 'Café déjà vu à Genève, 25 °C.');
  assert.equal(latin.encoding, 'iso-8859-1');
  const windows = parsed(await parseEml(makeArticleEml([`${LEAD} It cost €4m — “too much”.`], { charset: 'windows-1252', transferEncoding: 'quoted-printable' })));
  assert.equal(windows.rawText, `${LEAD} It cost €4m — “too much”.`);
  assert.equal(windows.encoding, 'windows-1252');
});

test('Windows-1252 text mislabelled ISO-8859-1 keeps its curly quotes and dashes (mailparser decodes the label as Windows-1252)', async () => {
  const bytes = makeArticleEml([`${LEAD} It cost €4m — “too much”.`], { charset: 'windows-1252', transferEncoding: '8bit' });
  const mislabelled = Buffer.from(Buffer.from(bytes).toString('latin1').replace('charset=windows-1252', 'charset=iso-8859-1'), 'latin1');
  const source = parsed(await parseEml(mislabelled));
  assert.equal(source.rawText, `${LEAD} It cost €4m — “too much”.`);
  assert.equal(source.encoding, 'iso-8859-1');
});

test('HTML-only message: main-text extraction, scripts and styles gone, text kept', async () => {
  const html = `<!doctype html><html><head><title>Newsletter</title><style>p { color: red } .x::after { content: "STYLETEXT" }</style>
<script>window.leak = "SCRIPTTEXT";</script></head><body>
<nav><a href="https://example.org/">Home NAVTEXT</a></nav>
<div><p>${LEAD}</p><p>${SECOND}</p><img src="cid:logo@x" alt="ALTTEXT"><img src="https://tracker.example/pixel.gif"></div>
<script>document.write("WRITTENTEXT")</script></body></html>`;
  const source = parsed(await parseEml(makeEml({ from: 'Press Office <press@city.example>', to: 'desk@newsroom.example', date: new Date('2025-11-03T14:05:00Z'), subject: 'Statement', html })));
  assertWellFormed(source);
  assert.ok(source.rawText.includes(LEAD) && source.rawText.includes(SECOND), source.rawText);
  for (const marker of ['STYLETEXT', 'SCRIPTTEXT', 'WRITTENTEXT', 'NAVTEXT', 'ALTTEXT', 'cid:', 'tracker.example', '<']) {
    assert.ok(!source.rawText.includes(marker), `${marker} leaked into the text`);
  }
  assert.equal(source.metadata.title, 'Statement');
  assert.equal(source.metadata.byline, 'Press Office');
});

test('text and HTML: text/plain wins; a blank text/plain falls back to the HTML', async () => {
  const base = { from: 'a@example.org', to: 'b@example.org', date: new Date('2025-11-03T14:05:00Z'), subject: 'Both' };
  const both = parsed(await parseEml(makeEml({ ...base, text: 'PLAINTEXT version.', html: '<p>HTMLTEXT version.</p>' })));
  assert.equal(both.rawText, 'PLAINTEXT version.');
  const blank = parsed(await parseEml(makeEml({ ...base, text: ' \n \n', html: `<p>${LEAD}</p>`, charset: 'iso-8859-1' })));
  assert.equal(blank.rawText, LEAD.replace(/[“”]/g, '?'));
  assert.equal(blank.encoding, 'iso-8859-1');
});

test('reply history and signature stay in the text, marked as boilerplate', async () => {
  const body = [
    'Thanks, I can confirm the “figures” are right.',
    '',
    '-- ',
    'Dana Ortiz',
    'City Desk, +1 555 0100',
    '',
    'On Mon, 3 Nov 2025 at 09:12, Sam Lee <sam@example.org> wrote:',
    '> Can you confirm the figures?',
    '>',
    '> > Earlier question',
    '',
    'CONFIDENTIALITY NOTICE: This e-mail is confidential and may be privileged.',
  ].join('\n');
  const source = parsed(await parseEml(makeArticleEml([body])));
  assertWellFormed(source);
  assert.equal(source.rawText, normalizeText(body), 'nothing deleted');
  assert.deepEqual(spanTexts(source), [
    ['author-bio', '--\nDana Ortiz\nCity Desk, +1 555 0100'],
    ['metadata-line', 'On Mon, 3 Nov 2025 at 09:12, Sam Lee <sam@example.org> wrote:\n> Can you confirm the figures?\n>\n> > Earlier question'],
    ['disclaimer', 'CONFIDENTIALITY NOTICE: This e-mail is confidential and may be privileged.'],
  ]);
  assert.ok(!source.rawText.slice(0, source.boilerplate[0]?.start).includes('>'), 'the reply itself is not marked');
});

test('reply marks: wrapped attribution, Outlook history to the end, prose attributions left alone', () => {
  const wrapped = 'Yes.\n\nOn Mon, 3 Nov 2025 at 09:12, Sam Lee <sam@example.org>\nwrote:\n> Question?';
  assert.deepEqual(replyBoilerplate(wrapped), [{ start: 6, end: wrapped.length, reason: 'metadata-line' }]);
  const outlook = 'Agreed.\n\n-----Original Message-----\nFrom: Sam Lee\nSent: Monday\n\nQuestion?';
  assert.deepEqual(replyBoilerplate(outlook), [{ start: 9, end: outlook.length, reason: 'metadata-line' }]);
  const headerBlock = 'Agreed.\n\nFrom: Sam Lee <sam@example.org>\nSent: Monday, 3 November 2025 09:12\nSubject: Budget\n\nQuestion?';
  assert.deepEqual(replyBoilerplate(headerBlock), [{ start: 9, end: headerBlock.length, reason: 'metadata-line' }]);
  const html = 'Yes.\n\nOn Mon, 3 Nov 2025 at 09:12 Sam Lee <sam@example.org> wrote:\n\nQuestion?';
  assert.deepEqual(replyBoilerplate(html), [{ start: 6, end: html.length, reason: 'metadata-line' }]);
  const prose = 'On Monday the mayor wrote:\n\nWe will not raise taxes.\n\nThe council met -- briefly.';
  assert.deepEqual(replyBoilerplate(prose), []);
  assert.deepEqual(replyBoilerplate(''), []);
});

test('attachments: readable files returned with safe names; images, unsupported types skipped', async () => {
  const inner = makeArticleEml(['The forwarded “original” statement.'], { subject: 'Original statement' });
  const pdf = Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0xff, 0x80]);
  const attachments = [
    { fileName: 'notes.txt', contentType: 'text/plain', bytes: Buffer.from('Interview “notes”.\n', 'utf8') },
    { fileName: 'report.pdf', contentType: 'application/pdf', bytes: pdf },
    { fileName: 'logo.png', contentType: 'image/png', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47]), disposition: 'inline' as const, contentId: 'logo@x' },
    { fileName: 'photo.txt', contentType: 'image/jpeg', bytes: Uint8Array.from([0xff, 0xd8, 0xff]) },
    { fileName: 'figures.xlsx', contentType: 'application/vnd.ms-excel', bytes: Uint8Array.from([1, 2, 3]) },
    { fileName: '../../etc/passwd.txt', contentType: 'text/plain', bytes: Buffer.from('root:x:0:0\n') },
    { fileName: 'Fwd: budget', contentType: 'message/rfc822', bytes: inner },
  ];
  const source = parsed(await parseEml(makeArticleEml([LEAD], { attachments })));
  assertWellFormed(source);
  assert.equal(source.rawText, LEAD);
  const files = source.attachments ?? [];
  assert.deepEqual(files.map((file) => file.fileName), ['notes.txt', 'report.pdf', 'passwd.txt', 'Fwd_ budget.eml']);
  assert.equal(Buffer.from(files[0]?.bytes ?? []).toString('utf8'), 'Interview “notes”.\n');
  assert.deepEqual([...(files[1]?.bytes ?? [])], [...pdf]);
  assert.equal(Buffer.from(files[2]?.bytes ?? []).toString('utf8'), 'root:x:0:0\n');
  const forwarded = parsed(await parseEml(files[3]?.bytes ?? new Uint8Array()));
  assert.equal(forwarded.rawText, 'The forwarded “original” statement.');
  assert.equal(forwarded.metadata.title, 'Original statement');
});

test('a forwarded message without a name, and an unnamed PDF, get attachment-N names', async () => {
  const inner = makeArticleEml(['Inner text.'], { subject: 'Inner' });
  const raw = Buffer.from(makeArticleEml([LEAD], { attachments: [{ fileName: 'x', contentType: 'message/rfc822', bytes: inner }, { fileName: 'y', contentType: 'application/pdf', bytes: Uint8Array.from([1]) }] }))
    .toString('latin1')
    .replace(/; name="x"|; filename="x"|; name="y"|; filename="y"/g, '');
  const source = parsed(await parseEml(Buffer.from(raw, 'latin1')));
  assert.deepEqual((source.attachments ?? []).map((file) => file.fileName), ['attachment-1.eml', 'attachment-2.pdf']);
});

test('attachment limits: at most 50 files, and the byte budget, beyond which files are skipped without error', async () => {
  const many = Array.from({ length: 55 }, (_, index) => ({ fileName: `note-${index + 1}.txt`, contentType: 'text/plain', bytes: Buffer.from(`Note ${index + 1}`) }));
  const source = parsed(await parseEml(makeArticleEml([LEAD], { attachments: many })));
  const names = (source.attachments ?? []).map((file) => file.fileName);
  assert.equal(names.length, 50);
  assert.equal(names[49], 'note-50.txt');
  const sized = [100, 100, 100].map((size, index) => ({ fileName: `f${index}.txt`, contentType: 'text/plain', bytes: new Uint8Array(size).fill(0x61) }));
  const budget = parsed(await parseEml(makeArticleEml([LEAD], { attachments: sized }), { maxAttachmentBytes: 250 }));
  assert.deepEqual((budget.attachments ?? []).map((file) => file.fileName), ['f0.txt', 'f1.txt']);
});

test('safe file names: no folders, dot-dots, controls or bidi tricks; capped at 200 with the extension kept', () => {
  assert.equal(safeFileName('../../etc/passwd.txt'), 'passwd.txt');
  assert.equal(safeFileName('C:\\Users\\dana\\Desktop\\memo.docx'), 'memo.docx');
  assert.equal(safeFileName('  report\u0000\u0007 final..pdf  '), 'report final.pdf');
  assert.equal(safeFileName('invoice\u202Efdp.exe'), 'invoicefdp.exe');
  assert.equal(safeFileName('..'), '');
  assert.equal(safeFileName('.hidden.txt'), 'hidden.txt');
  assert.equal(safeFileName('a<b>:c|d?.txt'), 'a_b__c_d_.txt');
  assert.equal(safeFileName('con.txt'), '_con.txt');
  const long = safeFileName(`${'x'.repeat(300)}.pdf`);
  assert.equal(long.length, 200);
  assert.ok(long.endsWith('.pdf'));
  assert.equal(attachmentFileName('..', 'application/pdf', 7), 'attachment-7.pdf');
  assert.equal(attachmentFileName('image.pdf', 'image/png', 1), null);
  assert.equal(attachmentFileName('data.csv', 'text/csv', 1), null);
  assert.equal(attachmentFileName('scan', 'application/pdf', 1), 'scan.pdf');
  assert.equal(attachmentFileName('memo.DOCX', 'application/octet-stream', 1), 'memo.DOCX');
});

test('a message that only carries files keeps its subject as its text; with nothing at all it is empty', async () => {
  const carrier = makeEml({
    from: 'a@example.org',
    to: 'b@example.org',
    date: new Date('2025-11-03T14:05:00Z'),
    subject: 'Fwd: the leaked report',
    attachments: [{ fileName: 'report.pdf', contentType: 'application/pdf', bytes: Uint8Array.from([1, 2]) }],
  });
  const source = parsed(await parseEml(carrier));
  assert.equal(source.rawText, 'Fwd: the leaked report');
  assert.deepEqual((source.attachments ?? []).map((file) => file.fileName), ['report.pdf']);
  const empty = await parseEml(makeArticleEml([' '], { subject: 'Nothing' }));
  assert.equal(empty.ok ? 'ok' : empty.error.code, 'empty');
  const blank = await parseEml(new Uint8Array());
  assert.equal(blank.ok ? 'ok' : blank.error.code, 'empty');
});

test('refusals: not an e-mail is malformed, over the size limit is too large, with a sentence', async () => {
  for (const bytes of [Buffer.from('just some text\n\nand another paragraph'), Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff])]) {
    const outcome = await parseEml(bytes);
    assert.equal(outcome.ok ? 'ok' : outcome.error.code, 'malformed');
    if (!outcome.ok) assert.match(outcome.error.message, /^[A-Z][^\n]*\.$/);
  }
  const large = await parseEml(makeArticleEml([LEAD]), { maxBytes: 100 });
  assert.equal(large.ok ? 'ok' : large.error.code, 'too-large');
});

test('hostile: 2,000-deep multipart nesting is refused without hanging or throwing', HANG_GUARD, async () => {
  const depth = 2000;
  let raw = 'From: a@example.org\r\nSubject: deep\r\nDate: Mon, 3 Nov 2025 10:00:00 +0000\r\n';
  for (let level = 0; level < depth; level += 1) raw += `Content-Type: multipart/mixed; boundary="b${level}"\r\n\r\n--b${level}\r\n`;
  raw += 'Content-Type: text/plain\r\n\r\nDeep text.\r\n';
  for (let level = depth - 1; level >= 0; level -= 1) raw += `--b${level}--\r\n`;
  const outcome = await parseEml(Buffer.from(raw));
  assert.equal(outcome.ok ? 'ok' : outcome.error.code, 'too-large');
});

test('hostile: nesting under the part limit is read', HANG_GUARD, async () => {
  const depth = 400;
  let raw = 'From: a@example.org\r\nSubject: deep\r\n';
  for (let level = 0; level < depth; level += 1) raw += `Content-Type: multipart/mixed; boundary="b${level}"\r\n\r\n--b${level}\r\n`;
  raw += 'Content-Type: text/plain\r\n\r\nDeep text.\r\n';
  for (let level = depth - 1; level >= 0; level -= 1) raw += `--b${level}--\r\n`;
  const source = parsed(await parseEml(Buffer.from(raw)));
  assert.equal(source.rawText, 'Deep text.');
});

test('a parse still running at the deadline is stopped and the message refused', HANG_GUARD, async () => {
  const depth = 900;
  let raw = 'From: a@example.org\r\nSubject: deep\r\n';
  for (let level = 0; level < depth; level += 1) raw += `Content-Type: multipart/mixed; boundary="b${level}"\r\n\r\n--b${level}\r\n`;
  raw += 'Content-Type: text/plain\r\n\r\nDeep text.\r\n';
  const outcome = await parseEml(Buffer.from(raw), { deadlineMs: 0 });
  assert.equal(outcome.ok ? 'ok' : outcome.error.code, 'malformed');
});

test('hostile: a 10 MB header line and endless boundaries are refused without hanging or throwing', HANG_GUARD, async () => {
  const header = await parseEml(Buffer.from(`From: a@example.org\r\nSubject: ${'x'.repeat(10 * 1024 * 1024)}\r\n\r\nBody.`));
  assert.equal(header.ok ? 'ok' : header.error.code, 'too-large');
  const endless = `From: a@example.org\r\nSubject: s\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n${'--b\r\n\r\nx\r\n'.repeat(100_000)}`;
  const boundaries = await parseEml(Buffer.from(endless));
  assert.equal(boundaries.ok ? 'ok' : boundaries.error.code, 'too-large');
});

test('hostile: an unterminated multipart and a header-only message are handled', HANG_GUARD, async () => {
  const open = parsed(await parseEml(Buffer.from(`From: a@example.org\r\nSubject: s\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n${'word '.repeat(10_000)}`)));
  assert.ok(open.rawText.startsWith('word word'));
  const headersOnly = await parseEml(Buffer.from('From: a@example.org\r\nSubject: Nothing else'));
  assert.equal(headersOnly.ok ? 'ok' : headersOnly.error.code, 'empty');
});

test('fixture: base64 wrapped at 76 columns, quoted-printable lines under 77', () => {
  const lines = base64Lines(new Uint8Array(1000).map((_, index) => index % 256)).split('\r\n');
  assert.ok(lines.length > 1 && lines.every((line) => line.length <= 76));
  assert.equal(Buffer.from(lines.join(''), 'base64').length, 1000);
  const qp = quotedPrintable(Buffer.from(`${'“long” '.repeat(40)}\nend `, 'utf8')).split('\r\n');
  assert.ok(qp.every((line) => line.length <= 76), 'quoted-printable line too long');
  assert.equal(qp[qp.length - 1], 'end=20');
});

const WORD = fc.stringMatching(/^[A-Za-zÀ-ÿ0-9’“”‘—-]{1,12}$/);
const PUNCTUATION = fc.constantFrom('', '.', ',', '!', '?', ';', ':', '…', '”', '»');
const SENTENCE = fc.array(fc.tuple(WORD, PUNCTUATION).map(([word, mark]) => `${word}${mark}`), { minLength: 1, maxLength: 12 }).map((words) => words.join(' '));

test('property: any body of words and punctuation appears in the text', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(SENTENCE, { minLength: 1, maxLength: 6 }),
      fc.constantFrom('8bit', 'quoted-printable', 'base64'),
      async (paragraphs, transferEncoding) => {
        const outcome = await parseEml(makeArticleEml(paragraphs, { transferEncoding }));
        assert.ok(outcome.ok, outcome.ok ? '' : outcome.error.message);
        assertWellFormed(outcome.value);
        assert.ok(outcome.value.rawText.includes(normalizeText(paragraphs.join('\n\n'))), outcome.value.rawText);
      },
    ),
    { numRuns: 60 },
  );
});
