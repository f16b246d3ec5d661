// Playwright fixtures: a fresh `parallax serve` per test (the five sample articles), and helpers shared by the specs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { ROOT, startServe, stopServe } from './serve-process';

/** The repository's root (re-exported for the specs). */
export { ROOT };

/** Where tests save the screenshots a person looks at. */
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

/** A running `parallax serve` on a fresh library. */
export interface Workbench {
  /** The printed address, with its token. */
  url: string;
  origin: string;
  token: string;
  /** A temporary folder for the test's own files. */
  folder: string;
  /** Calls a contract method over HTTP with the token, as a script would. */
  call<T = unknown>(method: string, input: unknown): Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>;
}

/** Servers being stopped in the background; the worker waits for them (and removes their folders) at its end. */
interface Shutdowns {
  pending: Promise<void>[];
}

/** Tests get `workbench`: a fresh library (the five sample articles) served for this test alone. */
export const test = base.extend<{ workbench: Workbench }, { shutdowns: Shutdowns }>({
  shutdowns: [
    async ({}, use) => {
      const shutdowns: Shutdowns = { pending: [] };
      await use(shutdowns);
      await Promise.all(shutdowns.pending);
    },
    { scope: 'worker' },
  ],
  workbench: async ({ shutdowns }, use) => {
    const folder = mkdtempSync(join(tmpdir(), 'parallax-e2e-'));
    const { child, url } = await startServe(join(folder, 'library.db'));
    const parsed = new URL(url);
    const token = parsed.searchParams.get('token') ?? '';
    const call: Workbench['call'] = async (method, input) => {
      const response = await fetch(`${parsed.origin}/api/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      return response.json();
    };
    try {
      await use({ url, origin: parsed.origin, token, folder, call });
    } finally {
      // The server gets SIGTERM now; the next test need not wait for its engine to wind down.
      shutdowns.pending.push(stopServe(child).finally(() => rmSync(folder, { recursive: true, force: true })));
    }
  },
});

/** Opens the workbench and waits for the library's rows. */
export async function openWorkbench(page: Page, workbench: Workbench): Promise<void> {
  await page.goto(workbench.url);
  await expect(page.getByRole('grid', { name: 'Documents in the library' }).getByRole('row').nth(1)).toBeVisible();
}

/** Opens two seed documents side by side from the library (the aggregator's rewrite and News18's article); returns the panes. */
export async function openTwoSources(page: Page) {
  await page.getByRole('checkbox', { name: 'Compare 000_68766bf1f3d91e92.txt' }).check();
  await page.getByRole('checkbox', { name: /Compare Donald Trump May Send/ }).check();
  await page.getByRole('button', { name: 'Compare 2 side by side' }).click();
  const panes = page.locator('.reader-pane');
  await expect(panes).toHaveCount(2);
  await expect(panes.nth(1).locator('.reader-paragraph').first()).toBeVisible();
  return panes;
}

/** Playwright's expect, so specs import everything from here. */
export { expect };

/** Selects the first occurrence of `text` inside the n-th reader pane, as a reporter would with the mouse. */
export async function selectInPane(page: Page, pane: number, text: string): Promise<void> {
  const selected = await page.evaluate(
    ({ pane, text }) => {
      const scroller = document.querySelectorAll('.reader-scroller')[pane];
      if (!scroller) return false;
      const walker = document.createTreeWalker(scroller.querySelector('.reader-text') ?? scroller, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(text) ?? -1;
        if (at < 0) continue;
        node.parentElement?.scrollIntoView({ block: 'center' });
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const selection = document.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return true;
      }
      return false;
    },
    { pane, text },
  );
  expect(selected, `"${text}" is in pane ${pane + 1}`).toBe(true);
}
