import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENSHOTS, expect, openWorkbench, test } from './fixtures';

/** An article written to attack whoever opens it: scripts, handlers, javascript: links, remote pixels, frames, SVG. */
const HOSTILE_ARTICLE = `<!doctype html>
<html>
<head>
  <meta charset="utf-8">
  <title>Harbour council approves the new budget</title>
  <meta http-equiv="refresh" content="0;url=http://203.0.113.5/refresh">
  <link rel="stylesheet" href="http://203.0.113.5/style.css">
  <script>window.__pwned = 'head script';</script>
  <script src="http://203.0.113.5/tracker.js"></script>
</head>
<body onload="window.__pwned = 'body onload'">
  <article>
    <h1>Harbour council approves the new budget</h1>
    <p class="byline">By Ana Ruiz</p>
    <p>The harbour council approved the new budget on Tuesday evening after a long debate about dredging the
      eastern channel <img src="http://203.0.113.5/pixel.gif" width="1" height="1" onerror="window.__pwned = 'img onerror'">
      and repairing the old breakwater, which storms damaged twice last winter.</p>
    <p>Read the <a href="javascript:window.__pwned = 'javascript link'">full minutes of the meeting</a> or the
      <a href="http://203.0.113.5/track" onclick="window.__pwned = 'onclick'">council's own summary</a> for details.</p>
    <iframe src="http://203.0.113.5/frame.html" onload="window.__pwned = 'iframe onload'"></iframe>
    <svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned = 'svg onload'"><script>window.__pwned = 'svg script';</script><circle r="4"/></svg>
    <p>Councillor Marta Okafor said the vote was close: <b onmouseover="window.__pwned = 'onmouseover'">seven in favour and two against</b>.
      A resident typed &lt;script&gt;window.__pwned = 'escaped text'&lt;/script&gt; into the council's feedback form as a joke.</p>
    <p>The budget sets aside money for the ferry terminal, the fish market roof and a new lifeboat station, and the
      council said work on the breakwater would start in the spring once the contracts are signed.</p>
    <object data="http://203.0.113.5/object.swf"></object>
    <form action="http://203.0.113.5/collect"><input name="q" autofocus onfocus="window.__pwned = 'onfocus'"></form>
    <p>Opponents argued the channel could wait another year, but the harbour master said larger ships were already
      turning away, and the port would lose business to its neighbours if nothing was done before the summer.</p>
  </article>
</body>
</html>
`;

test('a hostile HTML article is shown as text: no script runs, nothing leaves 127.0.0.1, no navigation', async ({ page, workbench }) => {
  const folder = join(workbench.folder, 'hostile');
  mkdirSync(folder);
  writeFileSync(join(folder, 'harbour-budget.html'), HOSTILE_ARTICLE);
  const ingested = await workbench.call<{ added: number }>('ingest', { paths: [folder], story: 'Hostile' });
  expect(ingested.ok && ingested.value.added).toBe(1);

  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  const navigations: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations.push(frame.url());
  });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  await openWorkbench(page, workbench);
  const settled = page.url();
  await page.getByRole('button', { name: 'Harbour council approves the new budget', exact: true }).click();
  const pane = page.locator('.reader-pane');
  await expect(pane.getByText(/approved the new budget on Tuesday evening/)).toBeVisible();
  await expect(pane.getByText(/seven in favour and two against/)).toBeVisible();
  // Escaped markup in the article is shown as the characters it is.
  await expect(pane.getByText(/typed <script>window.__pwned = 'escaped text'<\/script> into/)).toBeVisible();

  // Show removed boilerplate too, then poke at what used to be links and handlers.
  await page.keyboard.press('Alt+B');
  await pane.getByText('seven in favour and two against').hover();
  await pane.getByText(/full minutes of the meeting/).click();
  await pane.getByText(/council's own summary/).click();
  await page.waitForTimeout(500);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, 'hostile-article.png') });

  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  const origin = new URL(workbench.url).origin;
  const foreign = requests.filter((url) => new URL(url).origin !== origin);
  expect(foreign).toEqual([]);
  expect(page.url()).toBe(settled);
  expect(navigations.every((url) => new URL(url).origin === origin)).toBe(true);
  expect(navigations.at(-1)).toBe(settled);
  expect(page.frames()).toHaveLength(1);
  // The article brought no elements of its own: only text inside the reader.
  expect(await pane.locator('.reader-text').locator('script, img, iframe, svg, object, a, form, input, b').count()).toBe(0);
  expect(await page.locator('script').count()).toBe(1);
});
