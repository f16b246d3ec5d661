// A long article in the reader (rendered a chunk at a time) and a long library list (virtualized, one row height):
// what must still work once the text is whole, and the list's rows stay in place while it scrolls and edits.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { seededRandom } from '../bench/corpus';
import { SCREENSHOTS, expect, openWorkbench, selectInPane, test, type Workbench } from './fixtures';

/** The long article's title, a word only its deep paragraph has, and the words of its last paragraph. */
const TITLE = 'Full record: every hearing of the harbour inquiry';
const DEEP_WORD = 'Quillfeatherton';
const LAST_WORDS = 'The record closes here, after the last witness signed the harbour ledger';
/** The article's last paragraph: its last words, then sentences a short brief repeats word for word. */
const LAST_PARAGRAPH = `${LAST_WORDS}. Clerks sealed the volumes in the archive beneath the old customs house, where auditors may consult them on weekdays. Copies went to the provincial library, the port authority and the fishermen's cooperative that had asked for them.`;

/** Saves a screenshot for a person to look at. */
async function snapshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `long-${name}.png`) });
}

/** Writes and imports an article of about `bytes` (many paragraphs), with a rare word at nine tenths and a known last paragraph. */
async function importLongArticle(workbench: Workbench, bytes: number): Promise<void> {
  const random = seededRandom(7);
  const words = 'harbour council inquiry witness dredging contract budget minister report evidence channel port ferry vote'.split(' ');
  const paragraphs = [TITLE, 'By Marta Okafor, Coastal Courier', 'Published March 3, 2025'];
  let size = 0;
  let deepPlaced = false;
  while (size < bytes) {
    const sentences = Array.from({ length: 4 }, () => {
      const sentence = Array.from({ length: 10 + Math.floor(random() * 14) }, () => words[Math.floor(random() * words.length)]).join(' ');
      return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
    });
    if (!deepPlaced && size > bytes * 0.9) {
      sentences.push(`The auditor ${DEEP_WORD} testified last.`);
      deepPlaced = true;
    }
    paragraphs.push(sentences.join(' '));
    size += paragraphs.at(-1)!.length + 2;
  }
  paragraphs.push(LAST_PARAGRAPH);
  const folder = join(workbench.folder, 'long');
  mkdirSync(folder);
  writeFileSync(join(folder, 'full-record.txt'), `${paragraphs.join('\n\n')}\n`);
  const ingested = await workbench.call<{ added: number }>('ingest', { paths: [folder], story: 'Inquiry' });
  expect(ingested.ok && ingested.value.added).toBe(1);
}

/** The reader's text once every paragraph is on the page (it says it is busy until then). */
async function wholeText(page: Page) {
  const text = page.locator('.reader-pane .reader-text');
  await expect(text).toBeVisible();
  await expect(text).not.toHaveAttribute('aria-busy', 'true', { timeout: 15_000 });
  return text;
}

/** The long article's id and reading text, from the engine. */
async function articleText(workbench: Workbench): Promise<{ id: string; text: string }> {
  const documents = await workbench.call<{ id: string; title: string | null }[]>('listDocuments', { story: 'Inquiry' });
  if (!documents.ok) throw new Error(documents.error.message);
  const id = documents.value.find((document) => document.title === TITLE)!.id;
  const text = await workbench.call<{ id: string; text: string }>('getDocumentText', { doc: id });
  if (!text.ok) throw new Error(text.error.message);
  return text.value;
}

/** Opens the long article from the library list. */
async function openArticle(page: Page): Promise<void> {
  await page.getByRole('searchbox', { name: 'Title, file, byline' }).fill('every hearing');
  await page.getByRole('button', { name: TITLE, exact: true }).click();
}

test('a long article opens at its top, scrolls to its end, is found in, and its last paragraph is noted exactly', async ({ page, workbench }) => {
  await importLongArticle(workbench, 1_000_000);
  const { text: reading } = await articleText(workbench);
  expect(reading.length).toBeGreaterThan(1_000_000);
  await openWorkbench(page, workbench);
  await openArticle(page);
  const pane = page.locator('.reader-pane');
  await expect(pane.locator('.reader-paragraph').first()).toContainText(TITLE);
  await expect(pane.locator('.reader-paragraph').first()).toBeInViewport();
  await snapshot(page, 'reader-top');

  // Scrolling down reaches the last paragraph, the article's own last words, whatever has been rendered meanwhile.
  const scroller = pane.locator('.reader-scroller');
  const last = pane.locator('.reader-paragraph').last();
  await expect
    .poll(async () => {
      await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
      return (await last.textContent()) === LAST_PARAGRAPH && (await last.isVisible());
    })
    .toBe(true);
  const text = await wholeText(page);
  await expect(last).toHaveText(LAST_PARAGRAPH);
  await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  await expect(last).toBeInViewport();
  expect(await text.locator('.reader-paragraph').count()).toBe(reading.split('\n\n').length);

  // The browser's find-in-page finds words of the last paragraph in the reader, from the top of the article.
  await scroller.evaluate((element) => element.scrollTo({ top: 0 }));
  const found = await page.evaluate(() => {
    document.getSelection()?.removeAllRanges();
    const hit = (window as unknown as { find(text: string): boolean }).find('harbour ledger');
    const node = document.getSelection()?.anchorNode?.parentElement;
    return { hit, paragraph: node?.closest('.reader-paragraph')?.textContent ?? null };
  });
  expect(found).toEqual({ hit: true, paragraph: LAST_PARAGRAPH });
  await page.evaluate(() => document.getSelection()?.removeAllRanges());

  // Selecting in the last paragraph maps to the right offsets: the note holds exactly the words selected, where they are.
  await selectInPane(page, 0, LAST_WORDS);
  await expect(page.getByRole('toolbar', { name: 'Selected passage' }).getByRole('button', { name: /Note/ })).toBeVisible();
  await page.keyboard.press('n');
  await expect(page.getByRole('complementary', { name: 'Notebook' }).getByRole('textbox', { name: 'Note', exact: true })).toBeFocused();
  const start = reading.lastIndexOf(LAST_WORDS);
  expect(start).toBeGreaterThan(1_000_000);
  await expect
    .poll(async () => {
      const notes = await workbench.call<{ anchors: { selector: { exact: string; start: number; end: number } }[] }[]>('listNotes', {});
      return notes.ok ? notes.value[0]?.anchors[0]?.selector : null;
    })
    .toMatchObject({ exact: LAST_WORDS, start, end: start + LAST_WORDS.length });
  const noted = text.locator('mark.mark-note');
  await expect(noted).toHaveText(LAST_WORDS);
  await expect(noted).toBeInViewport();
  await snapshot(page, 'reader-end-noted');
});

test('a search hit deep in a long article opens the reader scrolled to it', async ({ page, workbench }) => {
  await importLongArticle(workbench, 1_000_000);
  await openWorkbench(page, workbench);
  const box = page.getByRole('combobox', { name: 'Search the library' });
  await box.fill(DEEP_WORD);
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option')).toHaveCount(1);
  await box.press('Enter');
  const hit = page.locator('.reader-pane mark.mark-hit');
  await expect(hit).toHaveText(DEEP_WORD);
  await expect(hit).toBeInViewport();
  await snapshot(page, 'reader-deep-hit');
  // Once whole, the text around the hit has not moved it out of view, and the article ends where it should.
  const text = await wholeText(page);
  await expect(hit).toBeInViewport();
  await expect(text.locator('.reader-paragraph').last()).toHaveText(LAST_PARAGRAPH);
});

test('a note on the last paragraph, opened from the notebook just after the article opened at its top, is scrolled to', async ({ page, workbench }) => {
  await importLongArticle(workbench, 1_000_000);
  const { id, text: reading } = await articleText(workbench);
  const created = await workbench.call('createNote', { body: 'Who signed the ledger?', passages: [{ doc: id, exact: LAST_WORDS }] });
  expect(created.ok).toBe(true);
  await openWorkbench(page, workbench);
  // The article opens at its top first, so the passage lies beyond what has been rendered when the note is opened.
  await openArticle(page);
  const pane = page.locator('.reader-pane');
  await expect(pane.locator('.reader-paragraph').first()).toContainText(TITLE);
  await page.keyboard.press('Alt+6');
  const panel = page.getByRole('complementary', { name: 'Notebook' });
  await panel.getByRole('list', { name: 'Notes' }).getByRole('listitem').first().getByRole('button').first().click();
  await panel.getByRole('region', { name: 'Passages of this note' }).getByRole('button', { name: /The record closes here/ }).click();
  const current = pane.locator('mark.mark-current');
  await expect(current.first()).toBeInViewport();
  await expect(current.first()).toHaveAttribute('data-at', String(reading.lastIndexOf(LAST_WORDS)));
  await wholeText(page);
  await expect(current.first()).toBeInViewport();
});

test('side by side with a brief that repeats its end, a long article shows the shared passage and scrolls to a selection\'s match', async ({ page, workbench }) => {
  await importLongArticle(workbench, 1_000_000);
  const folder = join(workbench.folder, 'brief');
  mkdirSync(folder);
  writeFileSync(join(folder, 'ledger-brief.txt'), `Harbour ledger brief\n\nThe inquiry ended on Friday.\n\n${LAST_PARAGRAPH}\n`);
  const ingested = await workbench.call<{ added: number }>('ingest', { paths: [folder], story: 'Inquiry' });
  expect(ingested.ok && ingested.value.added).toBe(1);
  await openWorkbench(page, workbench);
  await page.getByRole('checkbox', { name: `Compare ${TITLE}` }).check();
  await page.getByRole('checkbox', { name: 'Compare Harbour ledger brief' }).check();
  await page.getByRole('button', { name: 'Compare 2 side by side' }).click();
  const long = page.locator('.reader-pane', { has: page.locator('.reader-paragraph', { hasText: TITLE }) });
  const brief = page.locator('.reader-pane', { has: page.locator('.reader-paragraph', { hasText: 'Harbour ledger brief' }) });
  await expect(long).toHaveCount(1);
  await expect(brief).toHaveCount(1);
  const briefIndex = Number(await brief.getAttribute('data-pane')) - 1;

  // The shared passages have arrived (they re-cut the runs a selection lies in), and the long article's is not in view.
  await expect(brief.locator('mark.mark-shared').first()).toBeVisible({ timeout: 30_000 });
  await expect(long.locator('.reader-paragraph').first()).toBeInViewport();

  // Selecting the repeated words in the brief finds them at the long article's end, and scrolls there.
  await selectInPane(page, briefIndex, 'Clerks sealed the volumes in the archive');
  const related = long.locator('mark.mark-related');
  // The engine answers once it has compared the two texts (a 1 MB one may queue behind the shared passages' work).
  await expect(long.getByRole('status')).toContainText('Selection found here', { timeout: 30_000 });
  await expect(related.first()).toContainText('Clerks sealed the volumes');
  await expect(related.first()).toBeInViewport();

  // Once whole, the shared passage is tinted in the long article's last paragraph.
  await expect(long.locator('.reader-text')).not.toHaveAttribute('aria-busy', 'true', { timeout: 15_000 });
  await expect(long.locator('.reader-paragraph').last().locator('mark.mark-shared').first()).toBeVisible();
  await snapshot(page, 'side-by-side-end');
});

/** The long article's getReaderView requests, as the page sends them; the whole view is held back until `release`. */
async function holdWholeView(page: Page, id: string): Promise<{ requests: { doc: string; head?: number }[]; release: () => void }> {
  const requests: { doc: string; head?: number }[] = [];
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/getReaderView', async (route) => {
    const input = route.request().postDataJSON() as { doc: string; head?: number };
    requests.push(input);
    if (input.doc === id && input.head === undefined) await released;
    await route.continue();
  });
  return { requests, release };
}

/** The first sentence of the first paragraph starting after `offset` in a text, with its offset (it occurs once). */
function sentenceAfter(reading: string, offset: number): { words: string; start: number } {
  const start = reading.indexOf('\n\n', offset) + 2;
  const words = reading.slice(start, reading.indexOf('.', start) + 1);
  expect(reading.indexOf(words)).toBe(start);
  return { words, start };
}

/** Selects `words` in the reader and notes them (key N), and returns their anchor once the engine lists it. */
async function noteSelection(page: Page, workbench: Workbench, words: string) {
  // Out of the note editor a previous note left focused, so N is the shortcut and not a letter typed.
  await page.locator('.reader-pane .reader-scroller').focus();
  await selectInPane(page, 0, words);
  await expect(page.getByRole('toolbar', { name: 'Selected passage' })).toBeVisible();
  await page.keyboard.press('n');
  // The new note opens in the notebook, its editor focused (before the next selection, or it would take the next N).
  await expect(page.getByRole('complementary', { name: 'Notebook' }).getByRole('textbox', { name: 'Note', exact: true })).toBeFocused();
  let anchor: { exact: string; start: number; end: number } | undefined;
  await expect
    .poll(async () => {
      const notes = await workbench.call<{ anchors: { selector: { exact: string; start: number; end: number } }[] }[]>('listNotes', {});
      anchor = notes.ok ? notes.value.flatMap((note) => note.anchors.map((item) => item.selector)).find((selector) => selector.exact === words) : undefined;
      return anchor !== undefined;
    })
    .toBe(true);
  return { exact: anchor!.exact, start: anchor!.start, end: anchor!.end };
}

test('a long article paints its opening first, then becomes whole in place: same paragraphs, no jump, notes at the right offsets', async ({ page, workbench }) => {
  await importLongArticle(workbench, 1_000_000);
  const { id, text: reading } = await articleText(workbench);
  await openWorkbench(page, workbench);
  const { requests, release } = await holdWholeView(page, id);
  await openArticle(page);
  const pane = page.locator('.reader-pane');
  const text = pane.locator('.reader-text');
  const paragraphs = pane.locator('.reader-paragraph');

  // The opening is on the page while the whole view is held back: asked for with head, then whole, once each.
  await expect(paragraphs.first()).toHaveText(TITLE);
  await expect(paragraphs.first()).toBeInViewport();
  await expect(text).toHaveAttribute('aria-busy', 'true');
  await expect.poll(() => requests.filter((request) => request.doc === id).length).toBe(2);
  expect(requests.filter((request) => request.doc === id)).toEqual([{ doc: id, head: 6000 }, { doc: id }]);
  const opening = await paragraphs.count();
  expect(opening).toBeGreaterThan(3);
  expect(opening).toBeLessThan(reading.split('\n\n').length);
  // It ends at the end of the paragraph holding offset 6,000, never inside one.
  const lastShown = (await paragraphs.last().textContent()) ?? '';
  const cut = reading.indexOf(lastShown) + lastShown.length;
  expect(reading.indexOf(lastShown)).toBeLessThanOrEqual(6000);
  expect(cut).toBeGreaterThan(6000);
  expect(reading.slice(cut, cut + 2)).toBe('\n\n');
  await snapshot(page, 'reader-opening');

  // A passage selected in the opening is noted at its offsets in the whole text.
  const early = sentenceAfter(reading, 2000);
  expect(early.start + early.words.length).toBeLessThan(cut);
  expect(await noteSelection(page, workbench, early.words)).toEqual({ exact: early.words, start: early.start, end: early.start + early.words.length });
  const mark = text.locator('mark.mark-note');
  await expect(mark).toHaveText(early.words);
  await page.evaluate(() => document.getSelection()?.removeAllRanges());
  await page.waitForTimeout(300);

  // What is on the page now must stay put when the whole view replaces the opening: the same elements, the same place.
  const scroller = pane.locator('.reader-scroller');
  const before = await page.evaluate(() => {
    const scroller = document.querySelector<HTMLElement>('.reader-pane .reader-scroller')!;
    const marked = scroller.querySelector('mark.mark-note')!;
    for (const paragraph of scroller.querySelectorAll('.reader-paragraph')) (paragraph as unknown as { probe: boolean }).probe = true;
    return { scrollTop: scroller.scrollTop, markTop: marked.getBoundingClientRect().top };
  });
  expect(before.scrollTop).toBeGreaterThan(0);
  release();
  await expect(text).not.toHaveAttribute('aria-busy', 'true', { timeout: 15_000 });
  await expect(paragraphs).toHaveCount(reading.split('\n\n').length);
  const afterwards = await page.evaluate(() => {
    const scroller = document.querySelector<HTMLElement>('.reader-pane .reader-scroller')!;
    const probed = [...scroller.querySelectorAll('.reader-paragraph')].filter((paragraph) => (paragraph as unknown as { probe?: boolean }).probe === true).length;
    return { scrollTop: scroller.scrollTop, markTop: scroller.querySelector('mark.mark-note')!.getBoundingClientRect().top, probed };
  });
  expect(afterwards).toEqual({ scrollTop: before.scrollTop, markTop: before.markTop, probed: opening });
  await expect(mark).toHaveText(early.words);
  expect(requests.filter((request) => request.doc === id)).toHaveLength(2);

  // Passages beyond the opening, selected once the text is whole, are noted at their own offsets too.
  for (const offset of [cut, 600_000]) {
    const late = sentenceAfter(reading, offset);
    expect(await noteSelection(page, workbench, late.words)).toEqual({ exact: late.words, start: late.start, end: late.start + late.words.length });
    await page.evaluate(() => document.getSelection()?.removeAllRanges());
  }
  await expect(scroller).toBeVisible();
});

test('a place beyond a long article\'s opening waits for the whole text, then is scrolled to; a short article costs one request', async ({ page, workbench }) => {
  await importLongArticle(workbench, 1_000_000);
  const { id, text: reading } = await articleText(workbench);
  const created = await workbench.call('createNote', { body: 'Who signed the ledger?', passages: [{ doc: id, exact: LAST_WORDS }] });
  expect(created.ok).toBe(true);
  await openWorkbench(page, workbench);
  const { requests, release } = await holdWholeView(page, id);
  await openArticle(page);
  const pane = page.locator('.reader-pane');
  await expect(pane.locator('.reader-paragraph').first()).toContainText(TITLE);
  await expect(pane.locator('.reader-text')).toHaveAttribute('aria-busy', 'true');

  // The note's passage lies far beyond the opening: nothing jumps (not to the opening's end) until the text is whole.
  await page.keyboard.press('Alt+6');
  const panel = page.getByRole('complementary', { name: 'Notebook' });
  await panel.getByRole('list', { name: 'Notes' }).getByRole('listitem').first().getByRole('button').first().click();
  await panel.getByRole('region', { name: 'Passages of this note' }).getByRole('button', { name: /The record closes here/ }).click();
  const current = pane.locator('mark.mark-current');
  await page.waitForTimeout(300);
  await expect(current).toHaveCount(0);
  await expect(pane.locator('.reader-text')).toHaveAttribute('aria-busy', 'true');
  expect(await pane.locator('.reader-scroller').evaluate((element) => element.scrollTop)).toBe(0);
  release();
  await expect(current.first()).toBeInViewport({ timeout: 15_000 });
  await expect(current.first()).toHaveAttribute('data-at', String(reading.lastIndexOf(LAST_WORDS)));
  await wholeText(page);
  await expect(current.first()).toBeInViewport();

  // A short article comes whole from the first request: no second one.
  const documents = await workbench.call<{ id: string; title: string | null; path: string }[]>('listDocuments', {});
  if (!documents.ok) throw new Error(documents.error.message);
  const seed = documents.value.find((document) => document.id !== id && document.title)!;
  await page.keyboard.press('Alt+1');
  await page.getByRole('searchbox', { name: 'Title, file, byline' }).fill(seed.title!);
  await page.getByRole('button', { name: seed.title!, exact: true }).click();
  await expect(page.locator('.reader-pane .reader-paragraph').first()).toBeVisible();
  await expect(page.locator('.reader-pane .reader-text')).not.toHaveAttribute('aria-busy', 'true');
  await page.waitForTimeout(300);
  expect(requests.filter((request) => request.doc === seed.id)).toEqual([{ doc: seed.id, head: 6000 }]);
});

test('the library list keeps one row height: rows stack without gaps, an editor pushes rows down, the end is reachable', async ({ page, workbench }) => {
  const folder = join(workbench.folder, 'many');
  mkdirSync(folder);
  for (let index = 0; index < 400; index++) {
    const number = String(index).padStart(3, '0');
    writeFileSync(join(folder, `brief-${number}.txt`), `Harbour brief ${number}\n\nThe harbour council met for the ${index}th time to discuss the dredging contract.\n`);
  }
  const ingested = await workbench.call<{ added: number }>('ingest', { paths: [folder], story: 'Briefs' });
  expect(ingested.ok && ingested.value.added).toBe(400);
  await openWorkbench(page, workbench);
  const grid = page.getByRole('grid', { name: 'Documents in the library' });
  await expect(grid).toHaveAttribute('aria-rowcount', '406');
  await page.getByRole('columnheader', { name: 'Title' }).getByRole('button').click();
  const rows = grid.locator('.table-body [role="row"]');
  await expect(rows.first()).toContainText('000_68766bf1f3d91e92.txt');
  // Virtualized: far fewer rows exist than documents.
  expect(await rows.count()).toBeLessThan(60);

  /** The tops of the rendered rows by their place in the list, relative to the list's content. */
  const tops = () =>
    page.locator('.table-body').evaluate((body) => {
      const origin = body.querySelector('.table-spacer')!.getBoundingClientRect().top;
      return [...body.querySelectorAll<HTMLElement>('[role="row"]')]
        .map((row) => ({ index: Number(row.dataset.index), top: Math.round(row.getBoundingClientRect().top - origin), height: Math.round(row.getBoundingClientRect().height) }))
        .sort((left, right) => left.index - right.index);
    });
  const before = await tops();
  const height = before[0]!.height;
  expect(height).toBeGreaterThanOrEqual(58);
  for (const row of before) expect(row, `row ${row.index}`).toEqual({ index: row.index, top: row.index * height, height });
  await snapshot(page, 'library');

  // An open editor makes its row taller and pushes the next one down; closing it puts the rows back.
  const third = rows.nth(2);
  await third.getByRole('button', { name: /Edit metadata/ }).click();
  await expect(page.getByRole('form', { name: /Metadata of/ })).toBeVisible();
  await expect
    .poll(async () => {
      const now = await tops();
      const edited = now.find((row) => row.index === 2)!;
      return Math.abs(now.find((row) => row.index === 3)!.top - (edited.top + edited.height)) <= 1 && edited.height > height;
    })
    .toBe(true);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('form', { name: /Metadata of/ })).toHaveCount(0);
  await expect.poll(async () => (await tops()).find((row) => row.index === 3)!.top).toBe(3 * height);

  // The last row is reachable and sits where its index says.
  await page.locator('.table-body').evaluate((body) => body.scrollTo({ top: body.scrollHeight }));
  const last = grid.locator('.table-body [role="row"][aria-rowindex="406"]');
  await expect(last).toBeInViewport();
  await expect.poll(async () => (await tops()).at(-1)).toEqual({ index: 404, top: 404 * height, height });
});
