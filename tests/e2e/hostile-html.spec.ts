import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { SCREENSHOTS, expect, openWorkbench, test } from './fixtures';
import { HOSTILE_ARTICLES, articleFileName, countByFamily, type HostileArticle } from './hostile-articles';

/** Articles opened side by side at the end: markup in the metadata, mutation XSS, markup shown as text, SVG. */
const SIDE_BY_SIDE = ['hostile-metadata', 'mxss-svg-style-attribute', 'escaped-script-text', 'svg-foreign-object'];

/** Everything a page did that a payload could cause: every request, main-frame navigation, dialog, popup, socket, worker. */
interface Watch {
  requests: string[];
  navigations: string[];
  dialogs: string[];
  escapes: string[];
}

/** What the page shows if an article's markup reached the DOM: the sentinel, frames, foreign elements, CSP violations. */
interface PageState {
  pwned: string;
  frames: number;
  foreignElements: string[];
  violations: string[];
}

/** Starts watching a page before it loads: listeners for requests and the rest, and a CSP violation log in the page. */
async function watchPage(page: Page): Promise<Watch> {
  const watch: Watch = { requests: [], navigations: [], dialogs: [], escapes: [] };
  page.on('request', (request) => watch.requests.push(request.url()));
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) watch.navigations.push(frame.url());
  });
  page.on('dialog', (dialog) => {
    watch.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('popup', (popup) => watch.escapes.push(`popup ${popup.url()}`));
  page.on('websocket', (socket) => watch.escapes.push(`websocket ${socket.url()}`));
  page.on('worker', (worker) => watch.escapes.push(`worker ${worker.url()}`));
  page.context().on('page', (opened) => watch.escapes.push(`page ${opened.url()}`));
  // A violation means an attack reached the DOM and the Content-Security-Policy stopped it there.
  await page.addInitScript(() => {
    const scope = window as unknown as { __violations: string[] };
    scope.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => scope.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return watch;
}

/** Reads the sentinel's type, the frame count, elements in the reader the app never renders, and CSP violations. */
function readPageState(page: Page): Promise<PageState> {
  return page.evaluate(() => {
    const scope = window as unknown as { __pwned?: unknown; __violations?: string[] };
    const foreign = [...document.querySelectorAll('.reader-text *:not(p, span, mark, aside)')].map((element) => element.outerHTML.slice(0, 120));
    return { pwned: typeof scope.__pwned, frames: window.frames.length, foreignElements: foreign, violations: [...(scope.__violations ?? [])] };
  });
}

/** Requests to anywhere but the workbench's own origin (attempts count: a request the CSP blocked is listed too). */
function foreignRequests(watch: Watch, origin: string, from = 0): string[] {
  return watch.requests.slice(from).filter((url) => new URL(url).origin !== origin);
}

/** Goes to the library, filters it to one article's file, and opens it from its row, as a reporter would. */
async function openFromLibrary(page: Page, article: HostileArticle): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Library/ }).click();
  await page.getByRole('searchbox', { name: 'Title, file, byline' }).fill(`/${articleFileName(article)}`);
  const titles = page.getByRole('grid', { name: 'Documents in the library' }).locator('.title-button');
  await expect(titles).toHaveCount(1);
  await titles.click();
}

test(`${HOSTILE_ARTICLES.length} hostile HTML articles opened in the reader: no script runs, nothing leaves 127.0.0.1, no navigation, no frame`, async ({ page, workbench }) => {
  test.setTimeout(90_000);
  const started = Date.now();
  const folder = join(workbench.folder, 'hostile');
  mkdirSync(folder);
  for (const article of HOSTILE_ARTICLES) writeFileSync(join(folder, articleFileName(article)), article.html);
  const ingested = await workbench.call<{ added: number; failed: unknown[] }>('ingest', { paths: [folder], story: 'Hostile' });
  expect(ingested.ok && ingested.value.failed).toEqual([]);
  expect(ingested.ok && ingested.value.added).toBe(HOSTILE_ARTICLES.length);

  const watch = await watchPage(page);
  await openWorkbench(page, workbench);
  const settled = page.url();
  watch.navigations.length = 0;
  const pane = page.locator('.reader-pane').first();
  const text = pane.locator('.reader-text');
  const offenders: string[] = [];
  let violationsBefore = 0;

  // One page, every article in turn, each checked before the next.
  for (const article of HOSTILE_ARTICLES) {
    const requestsBefore = watch.requests.length;
    await openFromLibrary(page, article);
    await expect(pane.locator('.reader-path')).toContainText(articleFileName(article));
    await expect(text).toContainText(article.lead);
    await expect(text).toContainText(article.paragraphs[article.paragraphs.length - 1]!);
    for (const literal of article.literals ?? []) await expect(text).toContainText(literal);
    // Point at the text the payloads were attached to: the lead, and the phrase a handler or a link wrapped.
    await pane.locator('.reader-paragraph', { hasText: article.lead }).hover();
    if (article.touch !== undefined) {
      const phrase = pane.getByText(article.touch).first();
      await phrase.hover();
      await phrase.click();
    }
    const state = await readPageState(page);
    const foreign = foreignRequests(watch, workbench.origin, requestsBefore);
    const violations = state.violations.slice(violationsBefore);
    violationsBefore = state.violations.length;
    if (state.pwned !== 'undefined' || state.frames > 0 || state.foreignElements.length > 0 || violations.length > 0 || foreign.length > 0) {
      offenders.push(`${article.name}: ${JSON.stringify({ ...state, violations, foreign })}`);
    }
  }

  // Four of them side by side, removed boilerplate shown dimmed, every pane hovered.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Library/ }).click();
  const filter = page.getByRole('searchbox', { name: 'Title, file, byline' });
  for (const name of SIDE_BY_SIDE) {
    await filter.fill(`/${name}.html`);
    const rows = page.getByRole('grid', { name: 'Documents in the library' }).getByRole('row').filter({ has: page.locator('.title-button') });
    await expect(rows).toHaveCount(1);
    await rows.getByRole('checkbox').check();
  }
  await filter.fill('');
  await page.getByRole('button', { name: 'Compare 4 side by side' }).click();
  const panes = page.locator('.reader-pane');
  await expect(panes).toHaveCount(4);
  for (let index = 0; index < 4; index += 1) await expect(panes.nth(index).locator('.reader-paragraph').first()).toBeVisible();
  await page.keyboard.press('Alt+B');
  // Markup in the metadata and in the text is shown as the characters it is.
  await expect(page.getByRole('heading', { name: "<img src=x onerror=void(window.__pwned='hostile-metadata')> Flood defences bill" })).toBeVisible();
  await expect(page.getByText("<script>void(window.__pwned='hostile-metadata')</script> Tom Ashdown")).toBeVisible();
  await expect(page.getByText("One resident typed <script>window.__pwned='escaped-script-text'</script> into the comment box.")).toBeVisible();
  for (let index = 0; index < 4; index += 1) await panes.nth(index).locator('.reader-paragraph').first().hover();
  await page.waitForTimeout(300);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, 'hostile-articles-side-by-side.png') });

  const final = await readPageState(page);
  const foreign = foreignRequests(watch, workbench.origin);
  const summary = {
    articles: HOSTILE_ARTICLES.length,
    families: countByFamily(HOSTILE_ARTICLES),
    requests: watch.requests.length,
    foreignRequests: foreign.length,
    navigations: watch.navigations.length,
    dialogs: watch.dialogs.length,
    escapes: watch.escapes.length,
    cspViolations: final.violations.length,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
  // One line for the log: what was opened and what the page did meanwhile.
  console.log(`hostile HTML: ${JSON.stringify(summary)}`);
  expect(offenders).toEqual([]);
  expect(final.pwned).toBe('undefined');
  expect(foreign).toEqual([]);
  expect(watch.dialogs).toEqual([]);
  expect(watch.escapes).toEqual([]);
  expect(watch.navigations).toEqual([]);
  expect(page.url()).toBe(settled);
  expect(page.frames()).toHaveLength(1);
  expect(final.foreignElements).toEqual([]);
  expect(final.violations).toEqual([]);
  expect(await page.locator('script').count()).toBe(1);
});

test('the watchers notice an article that does reach the DOM: elements, frames, clobbering, blocked requests, CSP violations', async ({ page, workbench }) => {
  const watch = await watchPage(page);
  await openWorkbench(page, workbench);
  await page.getByRole('grid', { name: 'Documents in the library' }).locator('.title-button').first().click();
  await expect(page.locator('.reader-text .reader-paragraph').first()).toBeVisible();
  // What a renderer that injected article HTML would do (no navigating payloads: they would end the test's page).
  const injected = ['image-onerror', 'tracking-pixels', 'iframe-srcdoc', 'dom-clobbering'];
  const html = HOSTILE_ARTICLES.filter((article) => injected.includes(article.name)).map((article) => article.html);
  await page.evaluate((pages) => {
    for (const markup of pages) document.querySelector('.reader-text')!.insertAdjacentHTML('beforeend', markup);
  }, html);
  await expect.poll(async () => (await readPageState(page)).violations.length).toBeGreaterThan(0);
  const state = await readPageState(page);
  expect(state.foreignElements.length).toBeGreaterThan(0);
  expect(state.frames).toBeGreaterThan(0);
  expect(state.pwned).toBe('object');
  expect(state.violations.some((violation) => violation.startsWith('script-src-attr'))).toBe(true);
  expect(state.violations.some((violation) => violation.startsWith('img-src http://203.0.113.66/'))).toBe(true);
  expect(foreignRequests(watch, workbench.origin).length).toBeGreaterThan(0);
  // The policy still held: no handler ran, so the sentinel is an element (clobbered), never a string.
  expect(watch.dialogs).toEqual([]);
});
