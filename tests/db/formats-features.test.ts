/**
 * PDF, Word and e-mail sources work like text files in every feature: the same article, saved in each format beside
 * its text version, gives the same quotes with their speakers, is found to share its passages with the text version,
 * and holds a note that survives an edit of the source (PDF notes cite their page).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeArticlePdf } from '../support/pdf-fixture';
import { makeArticleDocx } from '../support/docx-fixture';
import { makeArticleEml } from '../support/eml-fixture';
import { parsePdf } from '../../src-main/core/extract/pdf';
import { ok, temporaryLibrary } from '../support/engine-library';

const SEED = fileURLToPath(new URL('../../seeds/001_e339af960812c844.txt', import.meta.url));
const seedText = readFileSync(SEED, 'utf8');
const paragraphs = seedText.split(/\n\s*\n/).map((paragraph) => paragraph.replace(/\s+/g, ' ').trim()).filter(Boolean);
/** A sentence of the last paragraphs: on the PDF's last page, and after the paragraph the edit changes. */
const NOTED = 'early preparations for potential missions';
const TITLE = 'U.S. weighs strikes on cartels';

/** The article in one format; `edited` rewrites the first paragraph and inserts one before it (the note must follow). */
function articleIn(format: 'pdf' | 'docx' | 'eml', edited: boolean): Uint8Array {
  const text = edited ? ['An editor’s note added at the top of the article.', `${paragraphs[0]} (Updated.)`, ...paragraphs.slice(1)] : paragraphs;
  if (format === 'pdf') return makeArticlePdf(text, { Title: TITLE, Author: 'Ana Ruiz', CreationDate: 'D:20251103' }, { rowsPerPage: 20 });
  if (format === 'docx') return makeArticleDocx(text, { title: TITLE, author: 'Ana Ruiz', created: '2025-11-03T00:00:00Z' });
  return makeArticleEml(text, { subject: TITLE, from: '"Ana Ruiz" <ana@example.org>' });
}

for (const format of ['pdf', 'docx', 'eml'] as const) {
  test(`${format}: quotes, shared passages and an anchored note work as on the text version`, async () => {
    const { dir, engine, done } = temporaryLibrary();
    try {
      const story = join(dir, 'cartels');
      mkdirSync(story);
      const file = join(story, `article.${format}`);
      writeFileSync(join(story, 'article.txt'), seedText);
      writeFileSync(file, articleIn(format, false));
      const report = await ok(engine.ingest({ paths: [story] }));
      assert.deepEqual(report.failed, []);
      const documents = await ok(engine.listDocuments({ story: 'cartels' }));
      const text = documents.find((doc) => doc.path.endsWith('article.txt'))!;
      const other = documents.find((doc) => doc.path === file);
      assert.ok(other, `the ${format} file is in the story`);
      assert.equal(other.title, TITLE);
      assert.equal(other.byline, 'Ana Ruiz');

      // Quotes: the same quoted words, with the same speakers.
      const quotesOf = async (id: string) => (await ok(engine.listQuotes({ doc: id }))).map((quote) => `${quote.text} — ${quote.speaker ?? '?'}`).sort();
      const fromText = await quotesOf(text.id);
      assert.ok(fromText.length >= 3, 'the seed has quotes');
      assert.deepEqual(await quotesOf(other.id), fromText);

      // Compare: nearly all of the article is shared with its text version.
      const shared = await ok(engine.comparePassages({ docs: [text.id, other.id] }));
      const sharedWords = shared.reduce((sum, passage) => sum + passage.a.text.split(/\s+/).length, 0);
      const textWords = (await ok(engine.getDocumentText({ doc: text.id }))).text.split(/\s+/).length;
      assert.ok(sharedWords >= 0.8 * textWords, `${sharedWords} of ${textWords} words found shared`);

      // Notebook: a note on a passage late in the article survives an edit above it.
      const note = await ok(engine.createNote({ body: 'Timing of the preparations', passages: [{ doc: other.id, exact: NOTED }] }));
      const before = note.anchors[0]!;
      writeFileSync(file, articleIn(format, true));
      utimesSync(file, new Date(), new Date(Date.now() + 5000));
      assert.equal((await ok(engine.ingest({ paths: [story] }))).updated, 1);
      const [after] = (await ok(engine.listNotes({}))).flatMap((item) => item.anchors);
      assert.ok(after && after.state === 'ok', `anchor after the edit: ${JSON.stringify(after)}`);
      assert.ok(after.start > before.start, 'the passage moved down with the inserted paragraph');
      const current = (await ok(engine.getDocumentText({ doc: other.id }))).text;
      assert.equal(current.slice(after.start, after.end), NOTED);

      const markdown = (await ok(engine.exportNotes({ format: 'md' }))).text;
      if (format === 'pdf') {
        // The page the passage is on, read independently from the PDF's own text.
        const parsed = await parsePdf(articleIn(format, true));
        assert.ok(parsed.ok && parsed.value.pages && parsed.value.pages.length > 1, 'the PDF has several pages');
        const at = parsed.value.rawText.indexOf(NOTED);
        const page = parsed.value.pages.filter((start) => start.start <= at).at(-1)!.page;
        assert.ok(page > 1);
        assert.equal(after.page, page);
        // The reader places the same page where the passage is: the last page starting at or before it.
        const view = await ok(engine.getReaderView({ doc: other.id }));
        assert.equal(view.pages?.length, parsed.value.pages.length);
        assert.equal(view.pages?.filter((start) => start.at <= after.start).at(-1)?.page, page);
        assert.equal(view.pages?.[0]?.at, 0);
        assert.match(markdown, new RegExp(`“${TITLE.replace(/\./g, '\\.')}”, 2025-11-03, p\\. ${page}, file:`));
      } else {
        assert.equal(after.page ?? null, null);
        assert.deepEqual((await ok(engine.getReaderView({ doc: other.id }))).pages, []);
        assert.doesNotMatch(markdown, /, p\. \d/);
      }
    } finally {
      done();
    }
  });
}
