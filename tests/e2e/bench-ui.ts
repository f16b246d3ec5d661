// `npm run bench:ui -- [--docs N] [--runs R]`: how fast the workbench paints, in a real browser against `parallax serve`.
// Measures (median of R runs): serve start → first library row visible with N synthetic documents, and a click on a
// 50 KB article → its first paragraph painted. Prints JSON. Needs a built workbench (`electron-vite build`).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { seededRandom, writeCorpus } from '../bench/corpus';
import { ROOT, startServe, stopServe } from './serve-process';

const { values } = parseArgs({ options: { docs: { type: 'string', default: '10000' }, runs: { type: 'string', default: '3' } } });
const count = Number(values.docs);
const runs = Number(values.runs);

/** The title of the long article, which the bench finds with the library filter. */
const LONG_TITLE = 'Long read: the harbour inquiry in full';

/** Writes one ~50 KB plain-text article (headline, byline, date, many paragraphs). */
function writeLongArticle(folder: string): number {
  const random = seededRandom(50);
  const words = 'harbour council inquiry witness dredging contract budget minister report evidence channel port ferry vote'.split(' ');
  const paragraphs = [LONG_TITLE, 'By Marta Okafor, Coastal Courier', 'Published March 3, 2025'];
  let size = 0;
  while (size < 50_000) {
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
  writeFileSync(join(folder, 'long-read.txt'), text);
  return Buffer.byteLength(text);
}

/** The median of some numbers, rounded to a millisecond. */
function median(numbers: number[]): number {
  const sorted = [...numbers].sort((left, right) => left - right);
  const middle = sorted.length >> 1;
  return Math.round(sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2);
}

const work = mkdtempSync(join(tmpdir(), 'parallax-bench-ui-'));
const dbFile = join(work, 'library.db');
const corpus = join(ROOT, '.bench', `corpus-${count}`);
process.stderr.write(`Preparing ${count} synthetic articles (.bench/corpus-${count}) and a 50 KB article…\n`);
writeCorpus(corpus, count);
const articleBytes = writeLongArticle(join(work, 'long'));
const cli = join(ROOT, 'bin', 'parallax.mjs');
const ingestStarted = performance.now();
execFileSync(process.execPath, [cli, 'ingest', corpus, '--db', dbFile, '--json'], { stdio: ['ignore', 'ignore', 'inherit'] });
execFileSync(process.execPath, [cli, 'ingest', join(work, 'long'), '--db', dbFile, '--json'], { stdio: ['ignore', 'ignore', 'inherit'] });
const ingestMs = Math.round(performance.now() - ingestStarted);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const firstRow: number[] = [];
const serveReady: number[] = [];
const articleText: number[] = [];
try {
  for (let run = 0; run < runs; run++) {
    process.stderr.write(`run ${run + 1}/${runs}…\n`);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const started = performance.now();
    const { child, url } = await startServe(dbFile);
    try {
      serveReady.push(performance.now() - started);
      await page.goto(url);
      await page.locator('.table-body [role="row"]').first().waitFor({ state: 'visible', timeout: 60_000 });
      firstRow.push(performance.now() - started);

      await page.getByRole('searchbox', { name: 'Title, file, byline' }).fill('Long read');
      const title = page.getByRole('button', { name: LONG_TITLE, exact: true });
      await title.waitFor();
      // Timed inside the page: from the click to the frame that paints the article's first paragraph.
      const elapsed = await title.evaluate(
        (button) =>
          new Promise<number>((resolve) => {
            const clicked = performance.now();
            const observer = new MutationObserver(() => {
              const paragraph = document.querySelector('.reader-paragraph');
              if (!paragraph || paragraph.closest('[hidden]')) return;
              observer.disconnect();
              requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - clicked), 0));
            });
            observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
            (button as HTMLButtonElement).click();
          }),
      );
      articleText.push(elapsed);
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
      documents: count,
      runs,
      ingestMs,
      serveStartToListeningMs: { median: median(serveReady), runs: serveReady.map(Math.round) },
      serveStartToFirstRowMs: { median: median(firstRow), runs: firstRow.map(Math.round) },
      articleBytes,
      openArticleToFirstTextMs: { median: median(articleText), runs: articleText.map(Math.round) },
    },
    null,
    2,
  ),
);
