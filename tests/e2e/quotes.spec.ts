import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { SCREENSHOTS, expect, openWorkbench, test } from './fixtures';

const SHEINBAUM = 'We reject any form of intervention or interference';

/** Saves a screenshot for a person to look at. */
async function snapshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `quotes-${name}.png`) });
}

/** Opens the quotes view with its shortcut and waits for the ledger. */
async function openLedger(page: Page): Promise<void> {
  await page.keyboard.press('Alt+4');
  await expect(page.getByRole('heading', { name: 'Quotes', level: 1 })).toBeVisible();
  await expect(page.locator('.ledger-row').first()).toBeVisible({ timeout: 15_000 });
}

test('the ledger follows a quote across sources and groups quotes by speaker', async ({ page, workbench }) => {
  await openWorkbench(page, workbench);
  await openLedger(page);

  // Grouped by the same quote across sources: Sheinbaum's words, twice.
  const ledger = page.getByRole('table', { name: 'Quotes across sources' });
  const sheinbaum = ledger.locator('.ledger-row').filter({ hasText: SHEINBAUM });
  await expect(sheinbaum).toHaveCount(1);
  await expect(sheinbaum).toContainText('2 sources');
  await expect(sheinbaum.locator('.ledger-speaker')).toContainText('Claudia Sheinbaum');
  await snapshot(page, 'ledger');

  // Each source's version, and whom it credits.
  await sheinbaum.getByRole('button', { name: /each source's version/ }).click();
  const versions = page.getByRole('list', { name: "Each source's version" });
  await expect(versions.getByRole('listitem')).toHaveCount(2);
  await expect(versions.getByRole('listitem').first()).toContainText('Claudia Sheinbaum');
  await snapshot(page, 'versions');

  // Grouped by speaker: Donald Trump has several quotes.
  await page.getByRole('button', { name: 'By speaker' }).click();
  const trump = page.getByRole('rowgroup', { name: /^Donald Trump: \d+ quotes$/ });
  await expect(trump).toBeVisible();
  expect(await trump.locator('.ledger-row').count()).toBeGreaterThanOrEqual(2);
  await snapshot(page, 'by-speaker');

  // The speaker box narrows the ledger.
  await page.getByLabel('Speaker', { exact: true }).fill('sheinbaum');
  await expect(page.getByRole('rowgroup', { name: /^Donald Trump/ })).toHaveCount(0);
  await expect(page.getByRole('rowgroup', { name: /^Claudia Sheinbaum/ })).toBeVisible();
});

test('verifying a quote finds its sources and opens them at the quote', async ({ page, workbench }) => {
  await openWorkbench(page, workbench);
  await openLedger(page);
  await page.getByLabel(/Paste the words you want to check/).fill(SHEINBAUM);
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Found in 2 sources: 2 verbatim.' })).toBeVisible({ timeout: 15_000 });
  const results = page.getByRole('list', { name: 'Sources of the quote' }).getByRole('listitem');
  await expect(results).toHaveCount(2);
  await expect(results.first()).toContainText('verbatim');
  await expect(results.first()).toContainText('Claudia Sheinbaum');
  await snapshot(page, 'verify');

  await page.getByLabel(/Paste the words you want to check/).fill('The moon is made of green cheese, said nobody');
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Not found in the library.' })).toBeVisible({ timeout: 15_000 });
});

test('a cluster opens side by side at the quote, and quotes carry their speaker in the reader', async ({ page, workbench }) => {
  await openWorkbench(page, workbench);
  await openLedger(page);
  await page.getByRole('table', { name: 'Quotes across sources' }).locator('.ledger-row').filter({ hasText: SHEINBAUM }).locator('.quote-button').click();

  // Both sources side by side, each scrolled to its copy of the quote, outlined.
  const panes = page.locator('.reader-pane');
  await expect(panes).toHaveCount(2);
  for (const pane of [panes.nth(0), panes.nth(1)]) {
    const opened = pane.locator('mark.mark-current').filter({ hasText: 'We reject' }).first();
    await expect(opened).toBeInViewport();
  }

  // Quotes are underlined in their speaker's colour, the speaker named on hover.
  const quote = panes.nth(0).locator('mark.mark-quote[title*="Claudia Sheinbaum"]').first();
  await expect(quote).toBeVisible();
  await quote.hover();
  await snapshot(page, 'reader');

  // The toolbar switch hides them.
  await page.locator('label.switch', { hasText: 'Show quotes' }).click();
  await expect(page.getByRole('switch', { name: 'Show quotes' })).not.toBeChecked();
  await expect(page.locator('mark.mark-quote')).toHaveCount(0);
  await page.keyboard.press('Alt+Q');
  await expect(page.locator('mark.mark-quote').first()).toBeVisible();
});

test('a quote of the ledger becomes a note anchored in each of its sources', async ({ page, workbench }) => {
  await openWorkbench(page, workbench);
  await openLedger(page);
  const sheinbaum = page.getByRole('table', { name: 'Quotes across sources' }).locator('.ledger-row').filter({ hasText: SHEINBAUM });
  await sheinbaum.getByRole('button', { name: '✎ Note' }).click();
  // The notebook opens on the new note, its two passages the quote in each source.
  await expect(page.getByRole('complementary', { name: 'Notebook' })).toBeVisible();
  await expect(page.getByText('2 passages', { exact: false }).first()).toBeVisible();
  const notes = await workbench.call<{ body: string; anchors: { selector: { exact: string }; state: string }[] }[]>('listNotes', {});
  expect(notes.ok).toBe(true);
  if (!notes.ok) return;
  const [note] = notes.value;
  expect(note?.body).toContain('Claudia Sheinbaum');
  expect(note?.anchors.map((anchor) => anchor.state)).toEqual(['ok', 'ok']);
  for (const anchor of note!.anchors) expect(anchor.selector.exact).toContain(SHEINBAUM);
  await snapshot(page, 'noted');
});
