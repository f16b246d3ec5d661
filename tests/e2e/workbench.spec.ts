import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { SCREENSHOTS, expect, openTwoSources, openWorkbench, selectInPane, test } from './fixtures';

/** The library's document rows (the header row excluded). */
const rows = (page: Page) => page.getByRole('grid', { name: 'Documents in the library' }).locator('.table-body [role="row"]');

/** Saves a screenshot for a person to look at. */
async function snapshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

test('the library lists the five sample sources with their metadata', async ({ page, workbench }) => {
  await openWorkbench(page, workbench);
  await expect(rows(page)).toHaveCount(5);
  await expect(page.getByRole('status').filter({ hasText: '5 sources' })).toBeVisible();
  const news18 = rows(page).filter({ hasText: 'News18' });
  await expect(news18).toContainText('Donald Trump May Send US Troops To Mexico');
  await expect(news18).toContainText('Shankhyaneel Sarkar');
  await expect(news18).toContainText('3 Nov 2025');
  // Untitled documents show their file name.
  await expect(rows(page).filter({ hasText: '000_68766bf1f3d91e92.txt' })).toHaveCount(1);
  await snapshot(page, 'library');

  // Filter by outlet, then clear.
  await page.getByLabel('Outlet').selectOption('Tampa Free Press');
  await expect(rows(page)).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows(page)).toHaveCount(5);

  // Keyboard: the grid moves with arrows and opens with Enter.
  await page.getByRole('grid', { name: 'Documents in the library' }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.locator('.reader-pane')).toHaveCount(1);
  await expect(page.locator('.reader-paragraph').first()).toBeVisible();
});

test('metadata is edited inline and the extracted value can be restored', async ({ page, workbench }) => {
  await openWorkbench(page, workbench);
  await page.getByRole('button', { name: 'Edit metadata of 002_79055e269cddd537.txt' }).click();
  const editor = page.getByRole('form', { name: /Metadata of/ });
  await editor.getByLabel('Title').fill('Short rewrite of the NBC scoop');
  await editor.getByLabel('Outlet').fill('Unknown blog');
  await page.keyboard.press('Enter');
  const row = rows(page).filter({ hasText: 'Short rewrite of the NBC scoop' });
  await expect(row).toContainText('Unknown blog');
  await row.getByRole('button', { name: /Edit metadata/ }).click();
  await expect(editor.getByText('The file says: nothing').first()).toBeVisible();
  await editor.getByRole('button', { name: 'use it' }).first().click();
  await editor.getByRole('button', { name: 'Cancel' }).click();
  await expect(rows(page).filter({ hasText: '002_79055e269cddd537.txt' })).toContainText('Unknown blog');
});

test('a folder imports through the path field with progress and a report', async ({ page, workbench }) => {
  const folder = join(workbench.folder, 'extra');
  mkdirSync(folder);
  writeFileSync(join(folder, 'harbour.txt'), 'Harbour council approves budget\n\nThe harbour council approved its budget on Tuesday.\n');
  for (let index = 0; index < 299; index++) {
    writeFileSync(join(folder, `note-${index}.txt`), `Council note ${index}\n\nThe council met again on day ${index} to discuss the harbour.\n`);
  }
  await openWorkbench(page, workbench);
  // Watch for the progress bar, however briefly it shows.
  await page.evaluate(() => {
    const observer = new MutationObserver(() => {
      if (document.querySelector('.import-progress progress')) (window as unknown as { sawProgress: boolean }).sawProgress = true;
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
  await page.getByRole('button', { name: /Import folder/ }).click();
  await page.getByLabel(/Folder to import/).fill(folder);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('Import finished: 300 added')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { sawProgress?: boolean }).sawProgress)).toBe(true);
  await expect(page.getByRole('status').filter({ hasText: '305 sources' })).toBeVisible();

  // The file vanishes: the imported folder is watched, so its document is marked missing without another import, in
  // the list and in the reader.
  rmSync(join(folder, 'harbour.txt'));
  const row = rows(page).filter({ hasText: 'harbour.txt' });
  await expect(row.getByText('file missing')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: /Import folder/ }).click();
  await expect(page.getByLabel(/Folder to import/)).toHaveValue(folder);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText(/Import finished: 0 added, 0 updated, 299 unchanged\./)).toBeVisible();
  await row.getByRole('button', { name: 'Harbour council approves budget', exact: true }).click();
  await expect(page.locator('.reader-header').getByText('file missing')).toBeVisible();
  await expect(page.locator('.reader-paragraph').first()).toContainText('Harbour council approves budget');
});

test('searching "Title 50" finds three sources; arrows and Enter open the reader at the hit', async ({ page, workbench }) => {
  await openWorkbench(page, workbench);
  const box = page.getByRole('combobox', { name: 'Search the library' });
  await box.fill('"Title 50"');
  const results = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  await expect(results).toHaveCount(3);
  for (const result of await results.all()) await expect(result.locator('mark')).toHaveText(['Title 50']);
  await snapshot(page, 'search-results');

  await expect(results.nth(0)).toHaveAttribute('aria-selected', 'true');
  await box.press('ArrowDown');
  await expect(results.nth(1)).toHaveAttribute('aria-selected', 'true');
  await box.press('ArrowUp');
  await box.press('ArrowDown');
  const chosen = (await results.nth(1).locator('.result-name').textContent()) ?? '';
  await box.press('Enter');
  const pane = page.locator('.reader-pane');
  await expect(pane).toHaveCount(1);
  await expect(pane.locator('.reader-title')).toHaveText(chosen);
  await expect(pane.locator('mark.mark-hit')).toHaveText('Title 50');
  await expect(pane.locator('mark.mark-hit')).toBeInViewport();
});

test('a malformed query shows its message inline', async ({ page, workbench }) => {
  const answer = await workbench.call('search', { query: '"drug cart' });
  expect(answer.ok).toBe(false);
  const message = answer.ok ? '' : answer.error.message;
  await openWorkbench(page, workbench);
  const box = page.getByRole('combobox', { name: 'Search the library' });
  await box.fill('"drug cart');
  await expect(page.getByRole('alert')).toHaveText(message);
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await box.fill('"drug cartels"');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('two sources side by side: a selection in one is found in the other; shared passages step and tint', async ({ page, workbench }) => {
  await openWorkbench(page, workbench);
  const panes = await openTwoSources(page);
  await expect(panes.nth(0).locator('.reader-paragraph').first()).toBeVisible();
  await expect(panes.nth(1).locator('.reader-paragraph').first()).toBeVisible();
  await expect(panes.nth(0).locator('mark.mark-shared').first()).toBeVisible();
  await expect(panes.nth(1).locator('mark.mark-shared').first()).toBeVisible();

  // Select "Title 50" in the second pane: the first pane marks it and scrolls it into view.
  await selectInPane(page, 1, 'Title 50');
  const found = panes.nth(0).locator('mark.mark-related');
  await expect(found.first()).toContainText('Title 50');
  await expect(found.first()).toBeInViewport();
  await expect(panes.nth(0).getByRole('status')).toContainText('Selection found here');
  await snapshot(page, 'side-by-side');

  // ] steps to the next shared passage, [ back; Escape clears the selection's matches.
  await panes.nth(0).locator('.reader-scroller').focus();
  await page.keyboard.press(']');
  await expect(page.getByText(/Shared passage \d+ of \d+/)).toBeVisible();
  await expect(panes.nth(0).locator('mark.mark-current').first()).toBeInViewport();
  await expect(panes.nth(1).locator('mark.mark-current').first()).toBeInViewport();
  await page.keyboard.press('Escape');
  await expect(found).toHaveCount(0);

  // Sync scroll: scrolling the first pane down carries the second along its shared passages.
  const scrollTop = (index: number) => panes.nth(index).locator('.reader-scroller').evaluate((element) => element.scrollTop);
  const scrollFirst = (top: number) => panes.nth(0).locator('.reader-scroller').evaluate((element, value) => element.scrollTo({ top: value }), top);
  await page.waitForTimeout(200);
  await scrollFirst(0);
  await page.waitForTimeout(200);
  const before = await scrollTop(1);
  await scrollFirst(1400);
  await expect.poll(() => scrollTop(1)).toBeGreaterThan(before + 100);

  // Dark theme, from the top bar.
  await page.getByRole('button', { name: 'Switch to the dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await selectInPane(page, 1, 'Title 50');
  await expect(found.first()).toBeVisible();
  await snapshot(page, 'side-by-side-dark');

  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByRole('button', { name: 'Switch to the light theme' }).click();
  await snapshot(page, 'side-by-side-1920');
});

test('Ctrl+K opens the palette with every command and its shortcut; Enter runs one', async ({ page, workbench }) => {
  await openWorkbench(page, workbench);
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Commands' });
  await expect(palette).toBeVisible();
  const options = palette.getByRole('option');
  expect(await options.count()).toBeGreaterThanOrEqual(15);
  await expect(options.filter({ hasText: 'Next shared passage' }).locator('kbd').first()).toHaveText(']');
  await expect(options.filter({ hasText: 'Show all commands' }).locator('kbd')).toHaveText('Ctrl+K');
  await snapshot(page, 'palette');
  await page.keyboard.type('dark theme');
  await expect(options).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(palette).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await snapshot(page, 'library-dark');

  // Shortcuts come from the same registry: Alt+2 shows search, Ctrl+F focuses the box.
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { name: 'Search' })).toBeVisible();
  await page.keyboard.press('Control+f');
  await expect(page.getByRole('combobox', { name: 'Search the library' })).toBeFocused();
});
