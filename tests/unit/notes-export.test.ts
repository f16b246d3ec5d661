import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { marked, type Token, type Tokens } from 'marked';
import type { Note, NoteAnchor, NoteRevision, PassageSelector } from '../../src-main/contract/notes';
import { exportNotebook } from '../../src-main/core/notes/export';
import { CSV_COLUMNS, notebookCsv } from '../../src-main/core/notes/export/csv';
import { notebookMarkdown } from '../../src-main/core/notes/export/markdown';
import { notebookFile, notebookJson, parseNotebookFile, type NotebookFile } from '../../src-main/core/notes/export/notebook-file';
import { annotationCollection, notebookWebAnnotations } from '../../src-main/core/notes/export/web-annotation';

const EXPORTED_AT = '2026-11-21T10:15:00.000Z';
const HOSTILE_BODY = "=cmd|' /C calc'!A0\n</script>\n# not a heading\nAs in [^1], see `[^x]`.";
const HOSTILE_PASSAGE = '# not a heading\n[^1]: a fake footnote </script> =HYPERLINK("http://evil")\n---';

/** A hand-made anchor: the passage as noted, found as noted unless told otherwise. */
function anchor(id: string, docId: string, exact: string, options: Partial<NoteAnchor> = {}): NoteAnchor {
  const selector: PassageSelector = { exact, prefix: 'before ', suffix: ' after', start: 100, end: 100 + exact.length };
  return {
    id,
    docId,
    path: `/story/${docId}.html`,
    title: null,
    outlet: null,
    published: null,
    selector,
    contentHash: `c-${docId}`,
    textHash: `t-${docId}`,
    state: 'ok',
    start: 120,
    end: 120 + exact.length,
    currentText: null,
    diff: null,
    orphanReason: null,
    createdAt: '2026-03-02T09:00:00.000Z',
    ...options,
  };
}

const REUTERS = { title: 'Mexico rejects intervention', outlet: 'Reuters', published: '2026-03-01T08:00:00.000Z' };

/** The notebook of the tests: passages from two sources, one drifted, one orphan, hostile text, a note without passages. */
const NOTES: Note[] = [
  {
    id: 'note-a',
    body: '**Mexico’s** reply to the _cartel_ memo\n\nShe draws a [red line](https://example.org/a) here.\n\n- first point\n- second',
    tags: ['mexico', 'cartel policy'],
    anchors: [
      anchor('a1', 'reuters', 'We reject any form of intervention.', REUTERS),
      anchor('a2', 'ap', 'Mexico coordinates and collaborates', {
        title: 'AP: "Sheinbaum, again"',
        path: '/story/ap_wire,2.txt',
        state: 'drifted',
        start: 40,
        end: 72,
        currentText: 'Mexico coordinates, collaborates',
        diff: [
          { op: 'same', text: 'Mexico coordinates' },
          { op: 'removed', text: 'and' },
          { op: 'same', text: 'collaborates' },
        ],
      }),
    ],
    createdAt: '2026-03-02T09:00:00.000Z',
    updatedAt: '2026-03-03T11:30:00.000Z',
    deletedAt: null,
  },
  {
    id: 'note-b',
    body: HOSTILE_BODY,
    tags: ['-follow-up'],
    anchors: [anchor('b1', 'reuters', HOSTILE_PASSAGE, { ...REUTERS, title: '=1+1 [^2] *x*', state: 'orphan', orphanReason: 'not-found' })],
    createdAt: '2026-03-04T09:00:00.000Z',
    updatedAt: '2026-03-04T09:00:00.000Z',
    deletedAt: null,
  },
  { id: 'note-c', body: '', tags: [], anchors: [], createdAt: '2026-03-05T09:00:00.000Z', updatedAt: '2026-03-05T09:00:00.000Z', deletedAt: null },
];

const REVISIONS = new Map<string, NoteRevision[]>([
  [
    'note-a',
    [
      {
        id: 7,
        noteId: 'note-a',
        createdAt: '2026-03-02T09:00:00.000Z',
        reason: 'created',
        body: 'first words',
        tags: ['mexico'],
        anchors: [{ id: 'a1', docId: 'reuters', path: '/story/reuters.html', selector: NOTES[0]!.anchors[0]!.selector, contentHash: 'c-reuters', textHash: 't-reuters', createdAt: '2026-03-02T09:00:00.000Z' }],
      },
    ],
  ],
]);

/** The notebook's notes with their revisions, as the file should hold them. */
function expectedFile(notes: readonly Note[], revisions: ReadonlyMap<string, readonly NoteRevision[]>, exportedAt: string): NotebookFile {
  return { format: 'parallax-notebook', version: 1, exportedAt, notes: notes.map((note) => ({ ...note, revisions: [...(revisions.get(note.id) ?? [])] })) };
}

/** A strict RFC 4180 reader: records end with CRLF, quoted fields double their quotes; anything else throws. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let index = 0;
  while (index < text.length) {
    let field = '';
    if (text[index] === '"') {
      index++;
      for (;;) {
        const quote = text.indexOf('"', index);
        if (quote === -1) throw new Error('unclosed quoted field');
        field += text.slice(index, quote);
        if (text[quote + 1] === '"') {
          field += '"';
          index = quote + 2;
        } else {
          index = quote + 1;
          break;
        }
      }
    } else {
      const end = text.slice(index).search(/[,\r"\n]/);
      field = end === -1 ? text.slice(index) : text.slice(index, index + end);
      index += field.length;
      if (text[index] === '"' || text[index] === '\n') throw new Error(`bare quote or LF at ${index}`);
    }
    row.push(field);
    if (text[index] === ',') index++;
    else if (text.startsWith('\r\n', index)) {
      rows.push(row);
      row = [];
      index += 2;
    } else throw new Error(`expected a separator at ${index}`);
  }
  if (row.length > 0) throw new Error('the last record has no CRLF');
  return rows;
}

/** Footnote references (`[^n]` not escaped, not a definition) and definitions (`[^n]: ` at a line start) of a document. */
function footnotes(markdown: string): { refs: string[]; defs: string[] } {
  // Code spans and marks escaped by an odd number of backslashes do not count.
  const withoutCode = markdown.replace(/(?<=(?:^|[^\\])(?:\\\\)*)(`+)[^`\n]+?\1/g, '');
  const defs = [...withoutCode.matchAll(/^\[\^([^\]\s]+)\]: /gm)].map((match) => match[1]!);
  const refs = [...withoutCode.matchAll(/(?<=(?:^|[^\\])(?:\\\\)*)\[\^([^\]\s]+)\](?!:)/g)].map((match) => match[1]!);
  return { refs, defs };
}

/** Asserts every footnote reference has exactly one definition and the other way round, each used once. */
function assertFootnotesOneToOne(markdown: string, count: number): void {
  const { refs, defs } = footnotes(markdown);
  const labels = Array.from({ length: count }, (_, index) => String(index + 1));
  assert.deepEqual(refs, labels);
  assert.deepEqual(defs, labels);
}

/** The top-level block tokens of a Markdown document, blank space left out. */
function blocks(markdown: string): Token[] {
  return marked.lexer(markdown).filter((token) => token.type !== 'space');
}

/** The depths of the top-level headings. */
function headingDepths(markdown: string): number[] {
  return blocks(markdown).flatMap((token) => (token.type === 'heading' ? [(token as Tokens.Heading).depth] : []));
}

const EXPECTED_MARKDOWN = `# Notebook

Exported from Parallax on 2026-11-21 · 3 notes · 3 passages

## Mexico’s reply to the cartel memo

#mexico #cartel-policy

**Mexico’s** reply to the _cartel_ memo

She draws a [red line](https://example.org/a) here.

- first point
- second

> We reject any form of intervention.[^1]

> Mexico coordinates, collaborates[^2]

(changed since noted: originally “Mexico coordinates and collaborates”)

## =cmd\\|' /C calc'!A0

#-follow-up

=cmd|' /C calc'!A0
</script>
### not a heading
As in \\[^1], see \`[^x]\`.

> \\# not a heading
> \\[^1\\]: a fake footnote \\</script\\> =HYPERLINK("http://evil")
> \\---[^3]

(passage no longer found in the source)

## Untitled note

[^1]: Reuters, “Mexico rejects intervention”, 2026-03-01, file: \`/story/reuters.html\`
[^2]: “AP: "Sheinbaum, again"”, file: \`/story/ap_wire,2.txt\`
[^3]: Reuters, “=1+1 \\[^2\\] \\*x\\*”, 2026-03-01, file: \`/story/reuters.html\`
`;

describe('Markdown export', () => {
  const markdown = notebookMarkdown(NOTES, EXPORTED_AT);

  test('title, one heading per note, tags, body as written, passages quoted with footnotes citing their sources', () => {
    assert.equal(markdown, EXPECTED_MARKDOWN);
  });

  test('structure: one h1, one h2 per note, the body heading below them, three quotes of paragraphs only, the footnotes last', () => {
    const tokens = blocks(markdown);
    assert.deepEqual(headingDepths(markdown), [1, 2, 2, 3, 2]);
    const quotes = tokens.filter((token): token is Tokens.Blockquote => token.type === 'blockquote');
    assert.equal(quotes.length, 3);
    for (const quote of quotes) assert.deepEqual(quote.tokens.map((token) => token.type), ['paragraph']);
    assert.equal(tokens.filter((token) => token.type === 'hr').length, 0);
    // Footnote definitions are not link definitions (their text is not a URL), so CommonMark reads one paragraph.
    assert.deepEqual(tokens.at(-1)!.raw.trim().split('\n').map((line) => line.slice(0, 6)), ['[^1]: ', '[^2]: ', '[^3]: ']);
  });

  test('footnotes resolve 1:1, numbered across the notebook; the body’s own [^1] does not count', () => {
    assertFootnotesOneToOne(markdown, 3);
  });

  test('headings: Markdown markers stripped, cut near 80 characters at a word, or "Untitled note"', () => {
    const note = (body: string): Note => ({ ...NOTES[2]!, body });
    const heading = (body: string) => notebookMarkdown([note(body)], EXPORTED_AT).split('\n')[4];
    assert.equal(heading('\n\n> ### **Bold** [link](x) and `code` #'), '## Bold link and code');
    assert.equal(heading('   \n---\n'), '## Untitled note');
    const long = heading(`${'word '.repeat(30)}end`)!;
    assert.ok(long.length <= 3 + 80 && long.endsWith('word…'), long);
    assert.equal(heading('[^1]: <b>x</b> #tag_one'), '## x \\#tag\\_one');
  });

  test('body: headings move below the note’s, setext headings too, open fences and runaway HTML are closed off', () => {
    const body = (text: string) => notebookMarkdown([{ ...NOTES[2]!, body: text }], EXPORTED_AT);
    assert.match(body('# One\n###### Six'), /^### One\n###### Six$/m);
    assert.match(body('Title\n====='), /^### Title$/m);
    assert.match(body('first\nsecond\n---'), /^first\nsecond\n\\---$/m);
    const fenced = body('```js\n# inside [^1]');
    assert.match(fenced, /^```js\n# inside \[\^1\]\n```$/m);
    assert.deepEqual(headingDepths(fenced), [1, 2]);
    assert.match(body('<script>\nalert(1)'), /^\\<script>$/m);
    assert.match(body('<script>x</script>'), /^<script>x<\/script>$/m);
    assert.match(body('<!-- never closed'), /^\\<!-- never closed$/m);
  });

  test('a citation skips what is unknown; an empty note has only its heading', () => {
    const bare = notebookMarkdown([{ ...NOTES[2]!, anchors: [anchor('z', 'doc-z', 'Words.', { path: '' })] }], EXPORTED_AT);
    assert.match(bare, /^\[\^1\]: document doc-z$/m);
    const path = (value: string) => notebookMarkdown([{ ...NOTES[2]!, anchors: [anchor('z', 'd', 'W.', { path: value })] }], EXPORTED_AT).split('\n').at(-2);
    assert.equal(path('/a/`b`/c'), '[^1]: file: ``/a/`b`/c``');
    assert.equal(path('`x'), '[^1]: file: `` `x ``');
    assert.equal(path(' x '), '[^1]: file: `  x  `');
    assert.equal(path('a\nb [^2]'), '[^1]: file: `a b [^2]`');
    assert.equal(notebookMarkdown([], 'not a date'), '# Notebook\n\nExported from Parallax on not a date · 0 notes · 0 passages\n');
  });

  const hostile = fc.string({ unit: fc.constantFrom('#', '>', '-', '=', '*', '_', '[', ']', '^', '1', '.', ')', ':', '<', '/', '!', '|', '~', '`', '\\', '&', ' ', '\n', '\r', '\t', 'a', 'b'), maxLength: 40 });
  const hostileBody = fc.string({ unit: fc.constantFrom('#', '>', '-', '=', '*', '_', '[', ']', '^', '1', '.', ':', '<', '!', '|', '\\', ' ', '\n', 'a', 'p'), maxLength: 60 });
  const hostileNote = fc.record({
    body: hostileBody,
    tags: fc.array(hostile.filter((tag) => tag.trim() !== ''), { maxLength: 3 }),
    anchors: fc.array(
      fc.record({ exact: hostile.filter((text) => text !== ''), title: fc.option(hostile), outlet: fc.option(hostile), path: hostile, drifted: fc.option(hostile) }),
      { maxLength: 3 },
    ),
  });

  test('property: hostile passages, metadata and bodies never add an h1 or h2, and footnotes stay 1:1', () => {
    fc.assert(
      fc.property(fc.array(hostileNote, { maxLength: 4 }), (shapes) => {
        let passages = 0;
        const notes = shapes.map((shape, index): Note => ({
          ...NOTES[2]!,
          id: `n${index}`,
          body: shape.body,
          tags: shape.tags,
          anchors: shape.anchors.map((passage, at) =>
            anchor(`a${passages++}`, `d${at}`, passage.exact, {
              title: passage.title,
              outlet: passage.outlet,
              path: passage.path,
              ...(passage.drifted === null ? {} : { state: 'drifted', currentText: passage.drifted }),
            }),
          ),
        }));
        const markdown = notebookMarkdown(notes, EXPORTED_AT);
        const depths = headingDepths(markdown);
        assert.equal(depths.filter((depth) => depth === 1).length, 1);
        assert.equal(depths.filter((depth) => depth === 2).length, notes.length);
        assertFootnotesOneToOne(markdown, passages);
      }),
      { numRuns: 300 },
    );
  });

  test('property: a hostile passage stays one block quote of paragraphs', () => {
    fc.assert(
      fc.property(hostile.filter((text) => text !== ''), (exact) => {
        const markdown = notebookMarkdown([{ ...NOTES[2]!, body: 'Body.', anchors: [anchor('a', 'd', exact)] }], EXPORTED_AT);
        const quotes = blocks(markdown).filter((token): token is Tokens.Blockquote => token.type === 'blockquote');
        assert.equal(quotes.length, 1);
        for (const token of quotes[0]!.tokens) assert.ok(token.type === 'paragraph' || token.type === 'space', token.type);
      }),
      { numRuns: 300 },
    );
  });
});

test('a passage of a PDF cites its page: Markdown footnote, CSV page column, Web Annotation target', () => {
  const paged: Note = { ...NOTES[0]!, anchors: [{ ...NOTES[0]!.anchors[0]!, page: 4 }] };
  const markdown = notebookMarkdown([paged], EXPORTED_AT);
  assert.match(markdown, /\[\^1\]: Reuters, “Mexico rejects intervention”, 2026-03-01, p\. 4, file: /);
  assert.doesNotMatch(notebookMarkdown([NOTES[0]!], EXPORTED_AT), /p\. \d/, 'no page for a source without pages');
  const csvRows = readCsv(notebookCsv([paged]));
  assert.equal(csvRows[0]!.at(-1), 'page');
  assert.equal(csvRows[1]!.at(-1), '4');
  const target = annotationCollection([paged], EXPORTED_AT).first.items[0]!.target;
  assert.equal((target as { 'parallax:page'?: number })['parallax:page'], 4);
});

describe('CSV export', () => {
  const csv = notebookCsv(NOTES);
  const rows = readCsv(csv);

  test('RFC 4180: CRLF records, a header, one row per note and passage, an empty-passage row for a note without one', () => {
    assert.ok(csv.endsWith('\r\n'));
    assert.deepEqual(rows[0], [...CSV_COLUMNS]);
    assert.equal(rows.length, 1 + 4);
    for (const row of rows) assert.equal(row.length, CSV_COLUMNS.length);
    assert.deepEqual(
      rows.slice(1).map((row) => [row[0], row[5], row[14]]),
      [
        ['note-a', 'reuters', 'ok'],
        ['note-a', 'ap', 'drifted'],
        ['note-b', 'reuters', 'orphan'],
        ['note-c', '', ''],
      ],
    );
    assert.deepEqual(rows[4], ['note-c', '2026-03-05T09:00:00.000Z', '2026-03-05T09:00:00.000Z', ...Array<string>(13).fill('')]);
  });

  test('cells: tags joined with "; ", body with its line breaks, passage as noted, current text and place now', () => {
    const [, ok, drifted, orphan] = rows;
    assert.deepEqual(ok, [
      'note-a',
      '2026-03-02T09:00:00.000Z',
      '2026-03-03T11:30:00.000Z',
      'mexico; cartel policy',
      NOTES[0]!.body,
      'reuters',
      '/story/reuters.html',
      'Reuters',
      'Mexico rejects intervention',
      '2026-03-01T08:00:00.000Z',
      'We reject any form of intervention.',
      'We reject any form of intervention.',
      '120',
      '155',
      'ok',
      '',
    ]);
    assert.deepEqual(drifted!.slice(6, 15), ['/story/ap_wire,2.txt', '', 'AP: "Sheinbaum, again"', '', 'Mexico coordinates and collaborates', 'Mexico coordinates, collaborates', '40', '72', 'drifted']);
    assert.deepEqual(orphan!.slice(10, 15), [HOSTILE_PASSAGE, '', '', '', 'orphan']);
  });

  test('formula injection: cells starting with =, +, -, @, tab or CR get a leading apostrophe', () => {
    const [, , , orphan] = rows;
    assert.equal(orphan![3], "'-follow-up");
    assert.equal(orphan![4], `'${HOSTILE_BODY}`);
    assert.equal(orphan![8], "'=1+1 [^2] *x*");
    for (const row of rows) for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@\t\r]/);
  });

  test('property: any text survives the trip through an RFC 4180 reader, dangerous cells behind an apostrophe', () => {
    const cell = fc.string({ unit: fc.constantFrom('"', ',', '\r', '\n', '=', '+', '-', '@', '\t', "'", 'a', ' ', '€'), maxLength: 12 });
    fc.assert(
      fc.property(cell, cell, cell, (body, tag, exact) => {
        const note: Note = { ...NOTES[2]!, body, tags: [tag], anchors: exact === '' ? [] : [anchor('a', 'd', exact, { title: body })] };
        const [, row] = readCsv(notebookCsv([note]));
        const defused = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
        assert.equal(row![4], defused(body));
        assert.equal(row![3], defused(tag));
        if (exact !== '') assert.equal(row![10], defused(exact));
        for (const value of row!) assert.doesNotMatch(value, /^[=+\-@\t\r]/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('W3C Web Annotation export', () => {
  const collection = JSON.parse(notebookWebAnnotations(NOTES, EXPORTED_AT)) as ReturnType<typeof annotationCollection>;
  const items = collection.first.items;

  test('an AnnotationCollection with the W3C context, the Parallax prefix, an IRI, a label, a total and an embedded first page', () => {
    assert.deepEqual(collection['@context'], ['http://www.w3.org/ns/anno.jsonld', { parallax: 'urn:parallax:vocab#' }]);
    assert.equal(collection.type, 'AnnotationCollection');
    assert.equal(collection.id, 'urn:parallax:notebook:2026-11-21T10:15:00.000Z');
    assert.equal(collection.label, 'Parallax notebook, exported 2026-11-21');
    assert.equal(collection.total, 3);
    assert.equal(collection.first.type, 'AnnotationPage');
    assert.equal(collection.first.startIndex, 0);
    assert.match(collection.first.id, /^urn:/);
  });

  test('one annotation per passage, the note without passages left out; required fields on every item', () => {
    assert.deepEqual(
      items.map((item) => item.id),
      ['urn:parallax:note:note-a:anchor:a1', 'urn:parallax:note:note-a:anchor:a2', 'urn:parallax:note:note-b:anchor:b1'],
    );
    for (const item of items) {
      assert.equal(item.type, 'Annotation');
      assert.match(item.id, /^urn:[a-z0-9][a-z0-9-]{0,31}:\S+$/i);
      assert.match(item.target.source, /^urn:parallax:document:/);
      assert.equal(item.motivation, 'commenting');
      assert.ok(Date.parse(item.created) <= Date.parse(item.modified));
      const [quote, position] = item.target.selector;
      assert.equal(quote.type, 'TextQuoteSelector');
      assert.equal(position.type, 'TextPositionSelector');
    }
  });

  test('bodies: the Markdown comment, then one tagging body per tag', () => {
    assert.deepEqual(items[0]!.body, [
      { type: 'TextualBody', value: NOTES[0]!.body, format: 'text/markdown', purpose: 'commenting' },
      { type: 'TextualBody', value: 'mexico', purpose: 'tagging' },
      { type: 'TextualBody', value: 'cartel policy', purpose: 'tagging' },
    ]);
  });

  test('targets: ok and drifted describe the passage now (with the noted text kept for drifted); orphans as noted', () => {
    assert.deepEqual(items[0]!.target, {
      source: 'urn:parallax:document:reuters',
      selector: [
        { type: 'TextQuoteSelector', exact: 'We reject any form of intervention.', prefix: 'before ', suffix: ' after' },
        { type: 'TextPositionSelector', start: 120, end: 155 },
      ],
      'parallax:state': 'ok',
      'parallax:path': '/story/reuters.html',
    });
    assert.deepEqual(items[1]!.target, {
      source: 'urn:parallax:document:ap',
      selector: [
        { type: 'TextQuoteSelector', exact: 'Mexico coordinates, collaborates', prefix: 'before ', suffix: ' after' },
        { type: 'TextPositionSelector', start: 40, end: 72 },
      ],
      'parallax:state': 'drifted',
      'parallax:path': '/story/ap_wire,2.txt',
      'parallax:notedText': 'Mexico coordinates and collaborates',
    });
    assert.deepEqual(items[2]!.target, {
      source: 'urn:parallax:document:reuters',
      selector: [
        { type: 'TextQuoteSelector', exact: HOSTILE_PASSAGE, prefix: 'before ', suffix: ' after' },
        { type: 'TextPositionSelector', start: 100, end: 100 + HOSTILE_PASSAGE.length },
      ],
      'parallax:state': 'orphan',
      'parallax:path': '/story/reuters.html',
      'parallax:orphanReason': 'not-found',
    });
  });

  test('motivation follows the bodies: tags only is tagging, nothing is a highlight; ids are IRI-safe; "</script>" is escaped', () => {
    const bare: Note = { ...NOTES[2]!, id: 'a b/c', anchors: [anchor('x?y', 'd#1', 'Words.')] };
    const [highlight] = annotationCollection([bare], EXPORTED_AT).first.items;
    assert.equal(highlight!.motivation, 'highlighting');
    assert.equal(highlight!.body, undefined);
    assert.equal(highlight!.id, 'urn:parallax:note:a%20b%2Fc:anchor:x%3Fy');
    assert.equal(highlight!.target.source, 'urn:parallax:document:d%231');
    const [tagged] = annotationCollection([{ ...bare, tags: ['t'] }], EXPORTED_AT).first.items;
    assert.equal(tagged!.motivation, 'tagging');
    assert.doesNotMatch(notebookWebAnnotations(NOTES, EXPORTED_AT), /<\/script>/);
  });
});

describe('JSON notebook file', () => {
  test('pretty-printed with 2 spaces and a trailing newline; every note with its revisions; reads back as written', () => {
    const json = notebookJson(NOTES, REVISIONS, EXPORTED_AT);
    assert.ok(json.startsWith('{\n  "format": "parallax-notebook",\n  "version": 1,\n'));
    assert.ok(json.endsWith('}\n'));
    assert.doesNotMatch(json, /<\/script>/);
    const parsed = parseNotebookFile(json);
    assert.deepEqual(parsed, { ok: true, value: expectedFile(NOTES, REVISIONS, EXPORTED_AT) });
    assert.equal(parsed.ok && parsed.value.notes[1]!.revisions.length, 0);
  });

  test('only the contract’s fields are written, so a note carrying more still reads back', () => {
    const extra = { ...NOTES[0]!, rowid: 3, anchors: NOTES[0]!.anchors.map((item) => ({ ...item, snippet: 'x' })) } as Note;
    const parsed = parseNotebookFile(notebookJson([extra], new Map(), EXPORTED_AT));
    assert.deepEqual(parsed, { ok: true, value: expectedFile([NOTES[0]!], new Map(), EXPORTED_AT) });
    assert.deepEqual(notebookFile([extra], new Map(), EXPORTED_AT), expectedFile([NOTES[0]!], new Map(), EXPORTED_AT));
  });

  // JSON gives objects with the usual prototype, so the generated ones must have it too to be deep-equal.
  const plain = { noNullPrototype: true };
  const text = (max: number) => fc.oneof(fc.string({ maxLength: max }), fc.string({ unit: 'binary', maxLength: max }));
  const filled = (max: number) => text(max).filter((value) => value !== '');
  const date = fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((value) => value.toISOString());
  const range = fc.tuple(fc.nat(), fc.nat()).map(([a, b]): [number, number] => (a <= b ? [a, b] : [b, a]));
  const selector = fc.record({ exact: filled(20), prefix: text(8), suffix: text(8), range }, plain).map(({ range: [start, end], ...rest }): PassageSelector => ({ ...rest, start, end }));
  const anchorArbitrary = fc
    .record({
      id: filled(12),
      docId: filled(12),
      path: filled(20),
      title: fc.option(text(10)),
      outlet: fc.option(text(10)),
      published: fc.option(fc.oneof(date, text(10))),
      selector,
      contentHash: filled(10),
      textHash: filled(10),
      state: fc.constantFrom('ok', 'drifted', 'orphan' as const),
      range,
      currentText: fc.option(text(10)),
      diff: fc.option(fc.array(fc.record({ op: fc.constantFrom('same', 'added', 'removed' as const), text: text(6) }, plain), { maxLength: 3 })),
      orphanReason: fc.option(fc.constantFrom('source-missing', 'not-found' as const)),
      createdAt: date,
    }, plain)
    .map(({ range: [start, end], ...rest }): NoteAnchor => ({ ...rest, start, end }));
  const tagsArbitrary = fc.array(filled(10), { maxLength: 4 });
  const revisionArbitrary = fc.record({
    id: fc.nat(),
    createdAt: date,
    reason: fc.constantFrom('created', 'edited', 'before-delete', 'before-anchor-removal', 'before-restore', 'imported' as const),
    body: text(30),
    tags: tagsArbitrary,
    anchors: fc.array(anchorArbitrary.map(({ id, docId, path, selector, contentHash, textHash, createdAt }) => ({ id, docId, path, selector, contentHash, textHash, createdAt })), { maxLength: 2 }),
  }, plain);
  const noteArbitrary = fc.record({
    id: filled(12),
    body: text(60),
    tags: tagsArbitrary,
    anchors: fc.uniqueArray(anchorArbitrary, { maxLength: 3, selector: (item) => item.id }),
    createdAt: date,
    updatedAt: date,
    deletedAt: fc.option(date),
    revisions: fc.array(revisionArbitrary, { maxLength: 2 }),
  }, plain);
  const notebook = fc.record({ exportedAt: date, notes: fc.uniqueArray(noteArbitrary, { maxLength: 4, selector: (note) => note.id }) }, plain);

  test('property: parse(notebookJson(x)) deep-equals x', () => {
    fc.assert(
      fc.property(notebook, ({ exportedAt, notes: shapes }) => {
        const notes: Note[] = shapes.map(({ revisions: _, ...note }) => note);
        const revisions = new Map(shapes.map((note) => [note.id, note.revisions.map((revision): NoteRevision => ({ ...revision, noteId: note.id }))]));
        const parsed = parseNotebookFile(notebookJson(notes, revisions, exportedAt));
        assert.deepEqual(parsed, { ok: true, value: expectedFile(notes, revisions, exportedAt) });
      }),
      { numRuns: 200 },
    );
  });

  /** The fixture with three notes of distinct ids. */
  const threeNotes = (): Record<string, any> => JSON.parse(notebookJson([NOTES[0]!, NOTES[1]!, { ...NOTES[0]!, id: 'note-3' }], REVISIONS, EXPORTED_AT));
  const failure = (value: unknown) => parseNotebookFile(typeof value === 'string' ? value : JSON.stringify(value));
  const messageOf = (edit: (file: Record<string, any>) => void) => {
    const file = threeNotes();
    edit(file);
    const parsed = failure(file);
    assert.equal(parsed.ok, false);
    return parsed.ok ? '' : parsed.message;
  };

  test('messages: not JSON, not a notebook, a newer version', () => {
    assert.deepEqual(failure('{"format": "parallax-notebook",'), { ok: false, message: 'This file is not JSON, so it cannot be a Parallax notebook.' });
    assert.deepEqual(failure(''), { ok: false, message: 'This file is not JSON, so it cannot be a Parallax notebook.' });
    assert.deepEqual(failure([1, 2]), { ok: false, message: 'This file is not a Parallax notebook.' });
    assert.deepEqual(failure({ format: 'evernote' }), { ok: false, message: 'This file is not a Parallax notebook.' });
    assert.deepEqual(failure(JSON.parse(notebookWebAnnotations(NOTES, EXPORTED_AT))), {
      ok: false,
      message: 'This file is a W3C annotation export; Parallax imports notebooks from its JSON export only.',
    });
    assert.deepEqual(failure({ format: 'parallax-notebook', version: 2, notes: 'whatever' }), {
      ok: false,
      message: 'This notebook comes from a newer version of Parallax (format version 2); update Parallax to import it.',
    });
    assert.equal(messageOf((file) => (file.version = 0)), 'The format version of the notebook must be 1.');
    assert.equal(messageOf((file) => delete file.version), 'The notebook has no format version.');
    const bom = parseNotebookFile(`\uFEFF${notebookJson([], new Map(), EXPORTED_AT)}`);
    assert.equal(bom.ok, true);
  });

  test('messages: the first invalid field, in words', () => {
    const cases: [(file: Record<string, any>) => void, string][] = [
      [(file) => (file.notes[2].anchors[1].selector.exact = ''), "Note 3's passage 2 has no text."],
      [(file) => delete file.notes[2].anchors[1].selector.exact, "Note 3's passage 2 has no text."],
      [(file) => (file.notes[0].body = 'x'.repeat(1_000_001)), 'The text of note 1 is too long: at most 1,000,000 characters.'],
      [(file) => (file.notes[1].tags = Array.from({ length: 101 }, (_, index) => `t${index}`)), 'Note 2 has too many tags: at most 100.'],
      [(file) => (file.notes[1].tags = ['ok', 'x'.repeat(101)]), "Note 2's tag 2 is too long: at most 100 characters."],
      [(file) => (file.notes[1].tags = ['']), "Note 2's tag 1 is empty."],
      [(file) => (file.notes[0].anchors = Array.from({ length: 101 }, (_, index) => ({ ...file.notes[0].anchors[0], id: `a${index}` }))), 'Note 1 has too many passages: at most 100.'],
      [(file) => (file.notes[0].revisions = Array.from({ length: 1001 }, () => file.notes[0].revisions[0])), 'Note 1 has too many revisions: at most 1,000.'],
      [(file) => (file.notes[0].anchors[0].start = -1), "The current start of note 1's passage 1 must not be negative."],
      [(file) => (file.notes[0].anchors[0].selector.start = 1.5), "The start as noted of note 1's passage 1 must be a whole number."],
      [(file) => (file.notes[0].anchors[0].end = 3), "Note 1's passage 1 ends before it starts in the current text."],
      [(file) => (file.notes[0].anchors[0].selector.end = 3), "Note 1's passage 1 ends before it starts."],
      [(file) => (file.notes[0].anchors[0].color = 'red'), 'Note 1\'s passage 1 has a field Parallax does not know: "color".'],
      [(file) => (file.extra = 1), 'The notebook has a field Parallax does not know: "extra".'],
      [(file) => (file.notes[0].anchors[0].state = 'lost'), "The state of note 1's passage 1 must be one of: ok, drifted, orphan."],
      [(file) => (file.notes[0].anchors[0].title = 5), "The title of note 1's passage 1 must be text or null."],
      [(file) => (file.notes[0].createdAt = 'yesterday'), 'The creation date of note 1 is not a date (expected ISO 8601, like 2026-03-01T09:30:00.000Z).'],
      [(file) => (file.notes[2].id = 'note-a'), 'Note 3 has the same id as note 1.'],
      [(file) => (file.notes[0].anchors[1].id = 'a1'), "Note 1's passage 2 has the same id as passage 1."],
      [(file) => (file.notes[0].revisions[0].noteId = 'note-b'), "Note 1's revision 1 belongs to another note."],
      [(file) => (file.notes[0].revisions[0].anchors[0].selector.exact = ''), "Note 1's revision 1's passage 1 has no text."],
      [(file) => (file.notes[0].revisions[0].reason = 'whim'), "The reason of note 1's revision 1 must be one of: created, edited, before-delete, before-anchor-removal, before-restore, imported."],
      [(file) => (file.notes[1] = 'note'), 'Note 2 must be a set of named fields.'],
      [(file) => (file.notes = {}), 'The notes of the notebook must be a list.'],
    ];
    for (const [edit, message] of cases) assert.equal(messageOf(edit), message);
  });

  test('fuzz: random text, random JSON and broken notebooks never throw', () => {
    const check = (text: string) => {
      const parsed = parseNotebookFile(text);
      assert.ok(parsed.ok || (typeof parsed.message === 'string' && parsed.message.length > 0 && parsed.message.length < 400));
    };
    fc.assert(fc.property(fc.string({ unit: 'binary' }), check), { numRuns: 300 });
    fc.assert(fc.property(fc.jsonValue(), (value) => check(JSON.stringify(value) ?? '')), { numRuns: 300 });
    fc.assert(
      fc.property(fc.jsonValue(), (value) => check(JSON.stringify({ format: 'parallax-notebook', version: 1, exportedAt: EXPORTED_AT, notes: value }) ?? '')),
      { numRuns: 300 },
    );
    // One field anywhere in a valid file replaced by any JSON value.
    const file = threeNotes();
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...path, index]));
      else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
    };
    walk(file, []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((path) => path.length > 0)), fc.jsonValue(), (path, value) => {
        const copy = threeNotes();
        let owner: any = copy;
        for (const key of path.slice(0, -1)) owner = owner[key];
        owner[path[path.length - 1]!] = value;
        check(JSON.stringify(copy));
      }),
      { numRuns: 500 },
    );
    for (const odd of ['null', 'true', '1e999', '"parallax-notebook"', '{"__proto__": {"format": "parallax-notebook"}}', '[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]', `${'['.repeat(100_000)}${']'.repeat(100_000)}`]) check(odd);
    check(undefined as unknown as string);
  });
});

describe('exportNotebook', () => {
  test('each format with its media type and a dated file name', () => {
    const results = (['md', 'json', 'csv', 'w3c'] as const).map((format) => exportNotebook(format, NOTES, REVISIONS, EXPORTED_AT));
    assert.deepEqual(
      results.map(({ mediaType, fileName }) => [mediaType, fileName]),
      [
        ['text/markdown', 'parallax-notebook-2026-11-21.md'],
        ['application/json', 'parallax-notebook-2026-11-21.json'],
        ['text/csv', 'parallax-notebook-2026-11-21.csv'],
        ['application/ld+json', 'parallax-notebook-2026-11-21.jsonld'],
      ],
    );
    assert.equal(results[0]!.text, notebookMarkdown(NOTES, EXPORTED_AT));
    assert.equal(results[1]!.text, notebookJson(NOTES, REVISIONS, EXPORTED_AT));
    assert.equal(results[2]!.text, notebookCsv(NOTES));
    assert.equal(results[3]!.text, notebookWebAnnotations(NOTES, EXPORTED_AT));
  });
});
