import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { SCREENSHOTS, expect, openTwoSources, openWorkbench, test } from './fixtures';

/** Saves a screenshot for a person to look at (the page, or one part of it). */
async function snapshot(target: Page | Locator, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await target.screenshot({ path: join(SCREENSHOTS, `compare-${name}.png`) });
}

/** Opens the Compare view with its shortcut and waits for the claim matrix. */
async function openCompare(page: Page): Promise<Locator> {
  await page.keyboard.press('Alt+5');
  await expect(page.getByRole('heading', { name: 'Compare', level: 1 })).toBeVisible();
  const matrix = page.getByRole('table', { name: 'Claims across sources' });
  await expect(matrix).toBeVisible({ timeout: 20_000 });
  return matrix;
}

/** The matrix row of the claim that a deployment is "not imminent". */
function notImminent(matrix: Locator): Locator {
  return matrix.locator('tbody tr').filter({ hasText: 'not imminent' }).first();
}

test('the matrix shows which sources carry a claim and on how many origins it rests', async ({ page, workbench }) => {
  await openWorkbench(page, workbench);
  const matrix = await openCompare(page);
  await expect(page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Compare/ })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('combobox', { name: 'Story' })).toHaveValue('Sample story');

  // Five sources, each with its share of shared text and its own passages.
  await expect(matrix.locator('thead th.source-head')).toHaveCount(5);
  await expect(matrix.locator('thead th.source-head').first()).toContainText('shared');
  await expect(matrix.locator('thead th.source-head').first()).toContainText('only here');

  // "Not imminent": carried by four sources or more, all resting on NBC News.
  const row = notImminent(matrix);
  await expect(row).toBeVisible();
  expect(await row.getByRole('button', { name: /^Open .* at this claim/ }).count()).toBeGreaterThanOrEqual(4);
  const badge = row.locator('.origin-badge');
  await expect(badge).toContainText('single origin');
  await expect(badge).toContainText('NBC News');
  await expect(badge).toHaveAttribute('title', /All sources carrying this claim rest on one origin: NBC News/);
  // Each filled cell names the source's own sentence and the origin it rests on.
  const cell = row.getByRole('button', { name: /^Open .* at this claim/ }).first();
  await expect(cell).toHaveAttribute('title', /not imminent[\s\S]*Rests on: NBC News/);
  await cell.hover();
  await snapshot(page, 'matrix');

  // Sorting by origins: a click sorts most origins first, a second click fewest first.
  const origins = matrix.getByRole('columnheader', { name: /Origins/ });
  const sources = matrix.getByRole('columnheader', { name: /Sources/ });
  await expect(sources).toHaveAttribute('aria-sort', 'descending');
  await origins.getByRole('button').click();
  await expect(origins).toHaveAttribute('aria-sort', 'descending');
  await expect(sources).toHaveAttribute('aria-sort', 'none');
  const originCounts = () => matrix.locator('tbody tr').evaluateAll((rows) => rows.map((tr) => Number(tr.querySelectorAll('td.count-cell')[1]?.textContent)));
  const descending = await originCounts();
  expect(descending).toEqual([...descending].sort((a, b) => b - a));
  await origins.getByRole('button').click();
  await expect(origins).toHaveAttribute('aria-sort', 'ascending');
  const ascending = await originCounts();
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));

  // The same in the dark theme.
  await page.getByRole('button', { name: 'Switch to the dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await sources.getByRole('button').click();
  await snapshot(page, 'matrix-dark');

  // A claim opens its sources side by side, each at the sentence.
  await notImminent(matrix).locator('.claim-text').click();
  await expect(page.getByRole('region', { name: 'Reader' })).toBeVisible();
  const panes = page.locator('.reader-pane');
  expect(await panes.count()).toBeGreaterThanOrEqual(2);
  await expect(panes.nth(0).locator('mark.mark-current').first()).toBeInViewport();
  await expect(panes.nth(1).locator('mark.mark-current').first()).toBeInViewport();
  await snapshot(page, 'claim-reader');
});

test('the provenance graph shows who cites whom, with the words of each credit', async ({ page, workbench }) => {
  await openWorkbench(page, workbench);
  await openCompare(page);
  const graph = page.getByRole('group', { name: /^Who cites whom/ });
  await graph.scrollIntoViewIfNeeded();
  await expect(graph).toBeVisible();

  // NBC News is credited by all five sources; News18 and the Daily Mail appear as outlets too.
  await expect(graph.locator('[data-outlet="NBC News"]')).toBeVisible();
  await expect(graph.locator('.graph-link[data-to="NBC News"]')).toHaveCount(5);
  await expect(graph.locator('[data-outlet="News18"]')).toBeVisible();
  await expect(graph.locator('[data-outlet="Daily Mail"]')).toBeVisible();
  await expect(graph.getByRole('img', { name: /^NBC News: credited by 5 sources/ })).toBeVisible();

  // Focusing a curve shows its attributing phrases beside the picture.
  const details = page.getByRole('complementary', { name: 'Credits' });
  await graph.locator('.graph-link[data-to="NBC News"]').first().focus();
  await expect(details.getByRole('list').first()).toContainText('NBC');
  await page.locator('#compare-provenance').scrollIntoViewIfNeeded();
  await snapshot(page.locator('#compare-provenance'), 'graph');

  await page.getByRole('button', { name: 'Switch to the dark theme' }).click();
  await graph.locator('.graph-link[data-to="News18"]').first().focus();
  await expect(details).toContainText('News18');
  await snapshot(page.locator('#compare-provenance'), 'graph-dark');

  // A credit opens the reader at its words.
  await details.getByRole('button', { name: /News18/ }).first().click();
  await expect(page.locator('.reader-pane mark.mark-current').first()).toBeInViewport();
});

test('each source lists what only it reports, and a passage opens in the reader', async ({ page, workbench }) => {
  await openWorkbench(page, workbench);
  await openCompare(page);
  await page.getByRole('navigation', { name: 'Parts of the comparison' }).getByRole('button', { name: 'Only here' }).click();
  const lists = page.locator('.only-here-list');
  await expect(lists.first()).toBeVisible();
  await snapshot(page, 'only-here');
  const first = lists.first().getByRole('button').first();
  const words = ((await first.textContent()) ?? '').replace(/…$/, '').split(/\s+/).slice(0, 4).join(' ');
  await first.click();
  const opened = page.locator('.reader-pane mark.mark-current').first();
  await expect(opened).toBeInViewport();
  await expect(opened).toContainText(words.split(' ')[0]!);
});

test('side by side, what only one source has is marked in the margin', async ({ page, workbench }) => {
  await openWorkbench(page, workbench);
  const panes = await openTwoSources(page);
  await expect(panes.nth(0).locator('mark.mark-shared').first()).toBeVisible();

  // Each pane has paragraphs of its own, barred in the margin; shared passages keep their tint.
  for (const index of [0, 1]) {
    const marker = panes.nth(index).getByRole('img', { name: /^Only in this source/ }).first();
    await marker.scrollIntoViewIfNeeded();
    await expect(marker).toBeVisible();
  }
  const marker = panes.nth(0).getByRole('img', { name: 'Only in this source', exact: true }).first();
  await marker.scrollIntoViewIfNeeded();
  await marker.hover();
  await expect(page.getByRole('region', { name: 'Reader' }).getByText('only in this source')).toBeVisible();
  await snapshot(page, 'reader-margin');

  await page.getByRole('button', { name: 'Switch to the dark theme' }).click();
  await snapshot(page, 'reader-margin-dark');

  // One document alone has nothing to be compared with: no margin notes.
  await page.getByRole('button', { name: 'Close pane 2' }).click();
  await expect(panes).toHaveCount(1);
  await expect(page.getByRole('img', { name: /^Only in this source/ })).toHaveCount(0);
});

/** Outlet names of many lengths, for a story bigger than the seeds. */
const OUTLETS = [
  'Associated Press', 'Reuters', 'NBC News', 'The Bureau of Investigative Journalism', 'El Universal', 'Milenio', 'BBC News', 'Al Jazeera',
  'Washington Post', 'New York Times', 'Proceso', 'CNN', 'Animal Político', 'The Wall Street Journal Latin America Edition', 'AFP',
];

/** A comparison of 30 sources crediting 15 outlets, shaped like the engine's answer (texts are placeholders). */
function bigComparison() {
  const documents = Array.from({ length: 30 }, (_, index) => ({
    id: `doc${index}`,
    path: `/stories/big/${index < 10 ? `report-${index}-with-a-rather-long-file-name.html` : `doc${index}.txt`}`,
    title: `Report ${index}`,
    outlet: index < 10 ? null : `Regional Outlet Number ${index}${index % 4 === 0 ? ' and Evening Gazette' : ''}`,
    published: index % 3 === 0 ? null : `2025-11-${String(1 + (index % 9)).padStart(2, '0')}`,
    unique: Array.from({ length: index % 5 }, (_, passage) => ({ start: passage * 100, end: passage * 100 + 60, text: `What only source ${index} says, part ${passage}.` })),
    sharedShare: (index % 10) / 10,
  }));
  const provenance = documents.flatMap((document, index) =>
    OUTLETS.flatMap((outlet, rank) =>
      (index + rank) % (rank + 2) === 0 || rank === 0
        ? Array.from({ length: 1 + ((index + rank) % 3) }, (_, credit) => ({ from: { id: document.id, path: document.path }, to: outlet, start: credit * 40, end: credit * 40 + 22, text: `according to ${outlet}` }))
        : [],
    ),
  );
  const claims = Array.from({ length: 24 }, (_, index) => {
    const sources = documents.filter((_, doc) => (doc * 7 + index) % (2 + (index % 5)) === 0).map((document, position) => ({
      id: document.id,
      path: document.path,
      start: 0,
      end: 30,
      origin: OUTLETS[(position * (index % 3)) % 4]!,
    }));
    const origins = new Set(sources.map((source) => source.origin)).size;
    return { id: `claim${index}`, text: `Claim number ${index}: officials said the plan would go ahead within weeks, according to several people familiar with it.`, sources, origins, singleOrigin: origins === 1 };
  });
  return { documents, claims, provenance };
}

test('a story of 30 sources and 15 cited outlets stays readable', async ({ page, workbench }) => {
  await page.route('**/api/getStoryComparison', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: true, value: bigComparison() }) }));
  await openWorkbench(page, workbench);
  const matrix = await openCompare(page);
  await expect(matrix.locator('thead th.source-head')).toHaveCount(30);
  await snapshot(page, 'big-matrix');

  const graph = page.getByRole('group', { name: /^Who cites whom/ });
  await expect(graph.locator('.graph-outlet')).toHaveCount(15);
  await expect(graph.locator('.graph-source')).toHaveCount(30);
  // No two labels of the picture overlap.
  const boxes = await graph.locator('text').evaluateAll((texts) => texts.map((text) => text.getBoundingClientRect()).map(({ left, right, top, bottom }) => ({ left, right, top, bottom })));
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
      expect(overlap, `labels ${i} and ${j} overlap`).toBe(false);
    }
  }
  await page.locator('#compare-provenance').scrollIntoViewIfNeeded();
  await snapshot(page.locator('#compare-provenance'), 'big-graph');
});
