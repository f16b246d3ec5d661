// `npm run bench:ui -- [--docs N] [--runs R] [--db FILE]`: how fast the workbench paints, in a real browser against `parallax serve`.
// Measures (median of R runs) with N synthetic documents: serve start and page open → first library row visible; the
// library list scrolled from top to bottom, one step a frame, with its frame intervals; and a click on a 50 KB and on
// a 1 MB article → its first paragraph painted, → all its paragraphs painted (with the longest frame meanwhile), and
// → its quotes answered. Prints JSON. Needs a built workbench (`electron-vite build`).
// `--db FILE` serves an existing library instead of building one from N documents (e.g. a copy of a 100k library): the
// bench adds its two long articles to it and Parallax takes its daily backup beside it, so pass a copy you may write to.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { seededRandom, writeCorpus } from '../bench/corpus';
import { median, percentile } from '../bench/statistics';
import { ROOT, startServe, stopServe } from './serve-process';

const { values } = parseArgs({ options: { docs: { type: 'string', default: '10000' }, runs: { type: 'string', default: '3' }, db: { type: 'string' } } });
const count = Number(values.docs);
const runs = Number(values.runs);
/** An existing library to serve (written to: the long articles are added), or undefined to build one from the corpus. */
const existingDb = values.db === undefined ? undefined : resolve(values.db);

/** The long articles opened in the reader: titles the bench finds them by with the library filter, and sizes. */
const ARTICLES = [
  { name: '50 KB', title: 'Long read: the harbour inquiry in full', file: 'long-read.txt', bytes: 50_000, seed: 50 },
  { name: '1 MB', title: 'Full record: every hearing of the harbour inquiry', file: 'full-record.txt', bytes: 1_000_000, seed: 1_000 },
];

/** Frames the library list is scrolled over, top to bottom in equal steps (about 10 s at 60 frames a second). */
const SCROLL_FRAMES = 600;

/** A frame interval longer than this is a visible stutter. */
const LONG_FRAME_MS = 50;

/** Writes one plain-text article of about `bytes` (headline, byline, date, many paragraphs); returns its size. */
function writeLongArticle(folder: string, article: (typeof ARTICLES)[number]): number {
  const random = seededRandom(article.seed);
  const words = 'harbour council inquiry witness dredging contract budget minister report evidence channel port ferry vote'.split(' ');
  const paragraphs = [article.title, 'By Marta Okafor, Coastal Courier', 'Published March 3, 2025'];
  let size = 0;
  while (size < article.bytes) {
    const sentences = Array.from({ length: 4 }, () => {
      const length = 10 + Math.floor(random() * 14);
      const sentence = Array.from({ length }, () => words[Math.floor(random() * words.length)]).join(' ');
      return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
    });
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    size += paragraph.length + 2;
  }
  const text = `${paragraphs.join('\n\n')}\n`;
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, article.file), text);
  return Buffer.byteLength(text);
}

/** The median of some milliseconds, and each run's, rounded to a millisecond. */
function summary(samples: number[]): { median: number; runs: number[] } {
  return { median: Math.round(median(samples)), runs: samples.map(Math.round) };
}

/** What opening an article measured: to its first text painted, to all of it on the page, the longest frame meanwhile, to its quotes. */
interface Opening {
  firstTextMs: number;
  wholeTextMs: number;
  longestFrameMs: number;
  quotesMs: number;
}

/**
 * Filters the library by an article's title and clicks it. Returns the milliseconds from the click to the frame
 * painting its first text, to the frame painting the last of it (a long text is rendered a chunk at a time and says
 * `aria-busy` until whole), the longest frame in between, and to the answer of the reader's request for its quotes:
 * the bench waits for that answer so that the next article does not queue behind it in the engine (the first quotes
 * asked for are extracted for the whole library).
 */
async function openArticle(page: Page, title: string): Promise<Opening> {
  await page.locator('.view-tab', { hasText: 'Library' }).click();
  await page.getByRole('searchbox', { name: 'Title, file, byline' }).fill(title);
  const button = page.getByRole('button', { name: title, exact: true });
  await button.waitFor();
  const quotes = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/listQuotes', { timeout: 0 });
  const clicked = performance.now();
  // Timed inside the page: from the click to the frame that paints a paragraph of this article (its title comes first).
  const opening = await button.evaluate(
    (element, wanted) =>
      new Promise<Omit<Opening, 'quotesMs'>>((resolve) => {
        const clicked = performance.now();
        const texts = () => [...document.querySelectorAll('.reader-text')].filter((text) => !text.closest('[hidden]') && text.querySelector('.reader-paragraph')?.textContent?.includes(wanted));
        let firstTextMs: number | null = null;
        let longestFrameMs = 0;
        let last = clicked;
        let done = false;
        const frame = (time: number) => {
          longestFrameMs = Math.max(longestFrameMs, time - last);
          last = time;
          if (!done) requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
        const painted = (then: (ms: number) => void) => requestAnimationFrame(() => setTimeout(() => then(performance.now() - clicked), 0));
        const check = () => {
          const shown = texts();
          if (shown.length === 0) return;
          if (firstTextMs === null) {
            firstTextMs = -1;
            painted((ms) => (firstTextMs = ms));
          }
          if (shown.some((text) => text.getAttribute('aria-busy') !== 'true')) {
            observer.disconnect();
            painted((wholeTextMs) =>
              // One frame more, so the frame that laid out and painted the last of the text is counted.
              requestAnimationFrame((time) => {
                longestFrameMs = Math.max(longestFrameMs, time - last);
                done = true;
                const whenFirst = () => (firstTextMs !== null && firstTextMs >= 0 ? resolve({ firstTextMs, wholeTextMs, longestFrameMs }) : setTimeout(whenFirst, 0));
                whenFirst();
              }),
            );
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden', 'aria-busy'] });
        (element as HTMLButtonElement).click();
      }),
    title,
  );
  await quotes;
  return { ...opening, quotesMs: performance.now() - clicked };
}

/** Frame intervals while the library list scrolls from top to bottom, one equal step a frame; and whether its last row showed. */
async function scrollLibrary(page: Page): Promise<{ intervals: number[]; stepPixels: number; reachedEnd: boolean; documents: number }> {
  const list = page.locator('.table-body');
  const scrolled = await list.evaluate(
    (element, frames) =>
      new Promise<{ intervals: number[]; stepPixels: number }>((resolve) => {
        const bottom = () => element.scrollHeight - element.clientHeight;
        const stepPixels = Math.max(1, bottom() / frames);
        const stamps: number[] = [];
        const frame = (time: number) => {
          stamps.push(time);
          // Rows measured on the way change the list's height: go on until the bottom is reached (within a bound).
          if (element.scrollTop >= bottom() - 1 || stamps.length > frames * 3) {
            resolve({ intervals: stamps.slice(1).map((stamp, index) => stamp - stamps[index]!), stepPixels });
            return;
          }
          element.scrollTop = Math.min(bottom(), element.scrollTop + stepPixels);
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
    SCROLL_FRAMES,
  );
  const rows = Number(await page.getByRole('grid', { name: 'Documents in the library' }).getAttribute('aria-rowcount'));
  const reachedEnd = (await page.locator(`.table-body [role="row"][aria-rowindex="${rows}"]`).count()) === 1;
  return { ...scrolled, reachedEnd, documents: rows - 1 };
}

/** Starts `parallax serve`, trying once more when it is slow to start (a large library on a busy machine). */
async function startServing(file: string): ReturnType<typeof startServe> {
  try {
    return await startServe(file);
  } catch (error) {
    process.stderr.write(`${(error as Error).message.split('\n')[0]}; trying once more…\n`);
    return startServe(file);
  }
}

const work = mkdtempSync(join(tmpdir(), 'parallax-bench-ui-'));
const dbFile = existingDb ?? join(work, 'library.db');
// Beside an existing library the long articles keep one folder, so a second bench on it finds them unchanged.
const longFolder = existingDb === undefined ? join(work, 'long') : join(dirname(existingDb), 'bench-long-articles');
const articleBytes = ARTICLES.map((article) => writeLongArticle(longFolder, article));
const cli = join(ROOT, 'bin', 'parallax.mjs');
const ingestStarted = performance.now();
if (existingDb === undefined) {
  const corpus = join(ROOT, '.bench', `corpus-${count}`);
  process.stderr.write(`Preparing ${count} synthetic articles (.bench/corpus-${count}), a 50 KB and a 1 MB article…\n`);
  writeCorpus(corpus, count);
  execFileSync(process.execPath, [cli, 'ingest', corpus, '--db', dbFile, '--json'], { stdio: ['ignore', 'ignore', 'inherit'] });
} else process.stderr.write(`Serving ${existingDb}, with a 50 KB and a 1 MB article added…\n`);
execFileSync(process.execPath, [cli, 'ingest', longFolder, '--db', dbFile, '--json'], { stdio: ['ignore', 'ignore', 'inherit'] });
const ingestMs = Math.round(performance.now() - ingestStarted);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const firstRow: number[] = [];
const pageFirstRow: number[] = [];
const serveReady: number[] = [];
const scrolls: Array<Awaited<ReturnType<typeof scrollLibrary>>> = [];
const opened = ARTICLES.map(() => [] as Opening[]);
try {
  for (let run = 0; run < runs; run++) {
    process.stderr.write(`run ${run + 1}/${runs}…\n`);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // tsx keeps function names with an `__name` helper, which functions evaluated in the page would miss.
    await page.addInitScript('globalThis.__name = (target) => target;');
    const started = performance.now();
    const { child, url } = await startServing(dbFile);
    try {
      const listening = performance.now();
      serveReady.push(listening - started);
      await page.goto(url);
      await page.locator('.table-body [role="row"]').first().waitFor({ state: 'visible', timeout: 60_000 });
      firstRow.push(performance.now() - started);
      pageFirstRow.push(performance.now() - listening);
      scrolls.push(await scrollLibrary(page));
      for (const [index, article] of ARTICLES.entries()) opened[index]!.push(await openArticle(page, article.title));
      // Each run's figures as they come, so a run that fails later loses nothing.
      const scroll = scrolls.at(-1)!;
      const texts = ARTICLES.map((article, index) => `${article.name} ${Math.round(opened[index]!.at(-1)!.firstTextMs)} ms (whole ${Math.round(opened[index]!.at(-1)!.wholeTextMs)} ms)`).join(', ');
      process.stderr.write(
        `  first row ${Math.round(pageFirstRow.at(-1)!)} ms; scroll p95 ${Math.round(percentile(scroll.intervals, 0.95))} ms, ${scroll.intervals.filter((interval) => interval > LONG_FRAME_MS).length} frames over ${LONG_FRAME_MS} ms; first text ${texts}\n`,
      );
    } finally {
      await page.close();
      await stopServe(child);
    }
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}

console.log(
  JSON.stringify(
    {
      documents: scrolls[0]!.documents,
      library: existingDb ?? 'built from the corpus',
      runs,
      ingestMs,
      serveStartToListeningMs: summary(serveReady),
      serveStartToFirstRowMs: summary(firstRow),
      pageOpenToFirstRowMs: summary(pageFirstRow),
      libraryScroll: {
        stepPixels: Math.round(scrolls[0]!.stepPixels),
        reachedEnd: scrolls.every((scroll) => scroll.reachedEnd),
        frames: summary(scrolls.map((scroll) => scroll.intervals.length)),
        frameP95Ms: summary(scrolls.map((scroll) => percentile(scroll.intervals, 0.95))),
        frameMaxMs: summary(scrolls.map((scroll) => Math.max(...scroll.intervals))),
        framesOver50Ms: summary(scrolls.map((scroll) => scroll.intervals.filter((interval) => interval > LONG_FRAME_MS).length)),
      },
      openArticle: Object.fromEntries(
        ARTICLES.map((article, index) => [
          article.name,
          {
            bytes: articleBytes[index],
            toFirstTextMs: summary(opened[index]!.map((open) => open.firstTextMs)),
            toWholeTextMs: summary(opened[index]!.map((open) => open.wholeTextMs)),
            longestFrameMs: summary(opened[index]!.map((open) => open.longestFrameMs)),
            toQuotesMs: summary(opened[index]!.map((open) => open.quotesMs)),
          },
        ]),
      ),
    },
    null,
    2,
  ),
);
