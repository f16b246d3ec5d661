// The library list of a large library, served a window at a time: the rows far down the list, reached by scrolling,
// by End and by a new sort, are the rows the whole list sorted at once puts there; the count and filters hold.
import { join } from 'node:path';
import { writeCorpus } from '../bench/corpus';
import type { DocumentListEntry } from '../../src-main/contract/library';
import { sortDocuments } from '../../src-main/core/library/library-order';
import { documentName } from '../../src-main/contract/document-name';
import { expect, openWorkbench, SCREENSHOTS, test } from './fixtures';

/** Enough articles for many windows of rows (a window holds 100). */
const ARTICLES = 1_200;

test('a library of 1,205 sources scrolls, jumps and re-sorts to the right rows', async ({ page, workbench }) => {
  test.setTimeout(120_000);
  const corpus = join(workbench.folder, 'corpus');
  writeCorpus(corpus, ARTICLES);
  const ingested = await workbench.call('ingest', { paths: [corpus] });
  expect(ingested.ok).toBe(true);
  const listed = await workbench.call<DocumentListEntry[]>('listDocuments', {});
  if (!listed.ok) throw new Error(listed.error.message);
  const byTitle = sortDocuments(listed.value, { key: 'title', direction: 'ascending' });

  await openWorkbench(page, workbench);
  await expect(page.getByRole('status').filter({ hasText: '1,205 sources' })).toBeVisible();
  const grid = page.getByRole('grid', { name: 'Documents in the library' });
  await expect(grid).toHaveAttribute('aria-rowcount', String(ARTICLES + 5 + 1));

  await page.getByTitle('Sort by title').click();
  await expect(grid.getByRole('row').nth(1)).toContainText(documentName(byTitle[0]!));

  // Scrolled to the bottom: the last rows are asked for and shown.
  await page.locator('.table-body').evaluate((element) => (element.scrollTop = element.scrollHeight));
  const last = page.locator(`.table-body [role="row"][aria-rowindex="${ARTICLES + 5 + 1}"]`);
  await expect(last).toContainText(documentName(byTitle.at(-1)!));
  await expect(page.locator('.table-body .placeholder')).toHaveCount(0);

  // Home and End move the selection to either end of the whole list, fetching what is not held.
  await grid.focus();
  await page.keyboard.press('Home');
  await expect(page.locator('.table-body [aria-selected="true"]')).toContainText(documentName(byTitle[0]!));
  await page.keyboard.press('End');
  const selected = page.locator('.table-body [aria-selected="true"]');
  await expect(selected).toContainText(documentName(byTitle.at(-1)!));
  await page.keyboard.press('PageUp');
  await expect(selected).not.toContainText(documentName(byTitle.at(-1)!));
  const chosen = (await selected.getAttribute('aria-rowindex'))!;
  const chosenDocument = byTitle[Number(chosen) - 2]!;
  await expect(selected).toContainText(documentName(chosenDocument));

  // A new sort follows the selected document to its new place, far from the rows held.
  const byWords = sortDocuments(listed.value, { key: 'words', direction: 'descending' });
  await page.getByTitle('Sort by words').click();
  await expect(selected).toContainText(documentName(chosenDocument));
  await expect(selected).toHaveAttribute('aria-rowindex', String(byWords.findIndex((document) => document.id === chosenDocument.id) + 2));
  await page.screenshot({ path: join(SCREENSHOTS, 'library-pages.png') });

  // A filter narrows the whole list, not only the rows held.
  const outlet = listed.value.find((document) => document.outlet !== null)!.outlet!;
  await page.getByLabel('Outlet').selectOption(outlet);
  const ofOutlet = listed.value.filter((document) => document.outlet === outlet).length;
  await expect(page.getByRole('status').filter({ hasText: `${ofOutlet.toLocaleString('en-GB')} document${ofOutlet === 1 ? '' : 's'} of 1,205 sources` })).toBeVisible();
  await expect(grid).toHaveAttribute('aria-rowcount', String(ofOutlet + 1));
});
