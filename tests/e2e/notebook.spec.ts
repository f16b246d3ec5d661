import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { SCREENSHOTS, expect, openTwoSources, openWorkbench, selectInPane, test, type Workbench } from './fixtures';

/** A passage of the aggregator's rewrite (000) and one of News18's article (003). */
const FIRST = 'The White House authorized several airstrikes against boats in the Caribbean';
const SECOND = 'US President Donald Trump is planning to deploy the US army and intelligence officers to Mexico';

/** The shape of a note as the contract returns it (only what the tests read). */
interface NoteShape {
  id: string;
  body: string;
  tags: string[];
  anchors: { state: string; selector: { exact: string } }[];
  deletedAt: string | null;
}

/** Saves a screenshot for a person to look at. */
async function snapshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `notebook-${name}.png`) });
}

/** Every live note (or the trash), straight from the engine. */
async function listNotes(workbench: Workbench, filter: Record<string, unknown> = {}): Promise<NoteShape[]> {
  const result = await workbench.call<NoteShape[]>('listNotes', filter);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

test('a selected passage becomes a note: autosaved, gathering two sources, highlighted in both', async ({ page, workbench }) => {
  await openWorkbench(page, workbench);
  await openTwoSources(page);

  // Select, and the floating action offers a note; N starts it with the cursor in its body.
  await selectInPane(page, 0, FIRST);
  const actions = page.getByRole('toolbar', { name: 'Selected passage' });
  await expect(actions.getByRole('button', { name: /Note/ })).toBeVisible();
  await expect(actions.getByRole('button', { name: /Add to this note/ })).toHaveCount(0);
  await page.keyboard.press('n');
  const panel = page.getByRole('complementary', { name: 'Notebook' });
  const body = panel.getByRole('textbox', { name: 'Note', exact: true });
  await expect(body).toBeFocused();
  await expect(actions).toHaveCount(0);

  // Typing is saved by itself, within a second of the last keystroke.
  await page.keyboard.type('# Cartel plan\n\nThe **NBC** scoop, re-reported by everyone.');
  const typed = Date.now();
  await expect.poll(async () => (await listNotes(workbench))[0]?.body, { timeout: 1000, intervals: [100] }).toBe('# Cartel plan\n\nThe **NBC** scoop, re-reported by everyone.');
  expect(Date.now() - typed).toBeLessThan(1000);
  await expect(panel.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  // Tags: Enter and comma add, × removes.
  const tagField = panel.getByRole('textbox', { name: 'Tags' });
  await tagField.fill('cartels');
  await tagField.press('Enter');
  await tagField.pressSequentially('mexico,draft,');
  await panel.getByRole('button', { name: 'Remove the tag draft' }).click();
  await expect.poll(async () => (await listNotes(workbench))[0]?.tags).toEqual(['cartels', 'mexico']);

  // A passage of the second source joins the same note (Shift+N, or the floating action).
  await selectInPane(page, 1, SECOND);
  await expect(actions.getByRole('button', { name: /Add to this note/ })).toBeVisible();
  await snapshot(page, 'selection');
  await page.keyboard.press('Shift+N');
  const passages = panel.getByRole('region', { name: 'Passages of this note' }).getByRole('listitem');
  await expect(passages).toHaveCount(2);
  await expect(passages.nth(0)).toContainText(FIRST);
  await expect(passages.nth(1)).toContainText(SECOND);
  await expect(passages.nth(1)).toContainText('News18');

  // Both documents highlight their noted passage; hovering shows the note's first words and tags.
  const panes = page.locator('.reader-pane');
  await expect(panes.nth(0).locator('mark.mark-note').filter({ hasText: 'airstrikes' })).toHaveCount(1);
  await expect(panes.nth(1).locator('mark.mark-note').filter({ hasText: 'deploy the US army' })).toHaveCount(1);
  await page.mouse.click(5, 5);
  await snapshot(page, 'editor');
  const highlight = panes.nth(0).locator('mark.mark-note').first();
  await highlight.hover();
  const card = page.getByRole('tooltip');
  await expect(card).toContainText('Cartel plan');
  await expect(card).toContainText('cartels');
  await snapshot(page, 'highlights');

  // Clicking a highlight opens its note; clicking a passage brings its source into view.
  await panel.getByRole('button', { name: 'All notes' }).click();
  await expect(panel.getByRole('list', { name: 'Notes' }).getByRole('listitem')).toHaveCount(1);
  await highlight.click();
  await expect(body).toHaveValue(/# Cartel plan/);
  await panes.nth(0).locator('.reader-scroller').evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  await passages.nth(0).getByRole('button', { name: new RegExp(FIRST.slice(0, 20)) }).click();
  await expect(panes.nth(0).locator('mark.mark-current').first()).toBeInViewport();
  await expect(panes).toHaveCount(2);

  // The same command from the palette starts another note (the palette's field takes the page's selection away).
  await selectInPane(page, 0, 'But now, it appears the administration');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('note the selected');
  await page.keyboard.press('Enter');
  await expect(body).toBeFocused();
  await expect(body).toHaveValue('');
  await expect.poll(async () => (await listNotes(workbench)).length).toBe(2);

  // The notes survive a reload.
  await page.reload();
  await expect(page.getByRole('grid', { name: 'Documents in the library' })).toBeVisible();
  await page.keyboard.press('Alt+6');
  const rows = panel.getByRole('list', { name: 'Notes' }).getByRole('listitem');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Cartel plan' })).toContainText('2 passages');
  await expect(rows.filter({ hasText: 'But now, it appears' })).toContainText('1 passage');
});

test('notes are searched, filtered by tag, trashed and restored, previewed inertly and exported', async ({ page, workbench }) => {
  const documents = await workbench.call<{ id: string; path: string }[]>('listDocuments', {});
  if (!documents.ok) throw new Error(documents.error.message);
  const doc = (name: string) => documents.value.find((document) => document.path.endsWith(name))!.id;
  for (const note of [
    { body: 'Who first reported the airstrikes?', tags: ['sourcing'], passages: [{ doc: doc('000_68766bf1f3d91e92.txt'), exact: FIRST }] },
    { body: 'Deployment wording differs', tags: ['wording'], passages: [{ doc: doc('003_ed9486401e0716a6.txt'), exact: SECOND }] },
  ]) {
    const created = await workbench.call('createNote', note);
    expect(created.ok).toBe(true);
  }
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await openWorkbench(page, workbench);
  await page.getByRole('button', { name: /Notebook/ }).click();
  const panel = page.getByRole('complementary', { name: 'Notebook' });
  const rows = panel.getByRole('list', { name: 'Notes' }).getByRole('listitem');
  await expect(rows).toHaveCount(2);

  // Search (words of the body or of the passages) and the tag filter.
  await panel.getByRole('searchbox', { name: 'Search notes' }).fill('airstrikes');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Who first reported');
  await panel.getByRole('searchbox', { name: 'Search notes' }).fill('');
  await expect(rows).toHaveCount(2);
  await panel.getByRole('group', { name: 'Filter by tag' }).getByRole('button', { name: /wording/ }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Deployment wording differs');
  await snapshot(page, 'list');
  await panel.getByRole('button', { name: 'Clear the filter' }).click();
  await expect(rows).toHaveCount(2);

  // Delete goes to the trash (with Undo); the trash restores.
  await rows.filter({ hasText: 'Deployment wording' }).getByRole('button').first().click();
  await panel.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Note moved to the trash.' })).toBeVisible();
  await expect(rows).toHaveCount(1);
  await panel.getByRole('button', { name: /^Trash/ }).click();
  const trash = panel.getByRole('list', { name: 'Trash' }).getByRole('listitem');
  await expect(trash).toHaveCount(1);
  await trash.getByRole('button', { name: 'Restore' }).click();
  await expect(trash).toHaveCount(0);
  expect((await listNotes(workbench, { trash: true })).length).toBe(0);
  await panel.getByRole('button', { name: /^Notes/ }).click();
  await expect(rows).toHaveCount(2);

  // A script in a note is previewed as text: nothing runs, nothing loads.
  await rows.filter({ hasText: 'Who first reported' }).getByRole('button').first().click();
  const body = panel.getByRole('textbox', { name: 'Note', exact: true });
  await expect(body).toHaveValue('Who first reported the airstrikes?');
  await body.fill('Check this: <script>alert(1)</script>\n\n<img src=x onerror=alert(2)> and [a link](javascript:alert(3))');
  await panel.getByRole('button', { name: 'Preview' }).click();
  const preview = panel.locator('.markdown-preview');
  await expect(preview).toContainText('<script>alert(1)</script>');
  await expect(preview).toContainText('<img src=x onerror=alert(2)>');
  await expect(preview).toContainText('(javascript:alert(3))');
  await expect(preview.locator('script, img, a, iframe')).toHaveCount(0);
  await snapshot(page, 'preview');
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
  expect((await listNotes(workbench)).some((note) => note.body.startsWith('Check this: <script>'))).toBe(true);

  // Export as Markdown: a file with each passage and its footnote.
  await panel.getByRole('button', { name: /^Export/ }).click();
  const download = page.waitForEvent('download');
  await panel.getByRole('menuitem', { name: /Markdown/ }).click();
  const file = await download;
  const saved = join(workbench.folder, file.suggestedFilename());
  await file.saveAs(saved);
  const markdown = readFileSync(saved, 'utf8');
  expect(file.suggestedFilename()).toMatch(/\.md$/);
  expect(markdown).toContain(FIRST);
  expect(markdown).toMatch(/\[\^1\]: /);
  expect(markdown).toContain('Deployment wording differs');

  // A removed passage comes back with Undo; the history keeps each version.
  await panel.getByRole('button', { name: 'Write' }).click();
  const passages = panel.getByRole('region', { name: 'Passages of this note' }).getByRole('listitem');
  await expect(passages).toHaveCount(1);
  await passages.first().getByRole('button', { name: /^Remove this passage/ }).click();
  await expect(passages).toHaveCount(0);
  await page.getByRole('status').filter({ hasText: 'removed from the note' }).getByRole('button', { name: 'Undo' }).click();
  await expect(passages).toHaveCount(1);
  await expect(body).toHaveValue(/^Check this: <script>/);
  await panel.getByRole('button', { name: 'History' }).click();
  const history = panel.getByRole('region', { name: 'History of this note' }).getByRole('listitem');
  await expect(history.filter({ hasText: 'Before a passage was removed' })).toHaveCount(1);
  await expect(history.filter({ hasText: 'Created' })).toHaveCount(1);
  await snapshot(page, 'history');

  // A JSON export imports again; notes already here are left alone.
  await panel.getByRole('button', { name: /^Export/ }).click();
  const jsonDownload = page.waitForEvent('download');
  await panel.getByRole('menuitem', { name: /^JSON/ }).click();
  const jsonFile = join(workbench.folder, 'notebook.json');
  await (await jsonDownload).saveAs(jsonFile);
  await panel.getByLabel('Notebook file to import').setInputFiles(jsonFile);
  await expect(page.getByRole('status').filter({ hasText: 'Imported 0 notes; 2 notes were already here' })).toBeVisible();
});

test('a passage whose source changed shows what changed; a lost one waits among the orphans', async ({ page, workbench }) => {
  const folder = join(workbench.folder, 'council');
  mkdirSync(folder);
  const file = join(folder, 'council.txt');
  const original = [
    'Harbour council approves the budget',
    '',
    'Work on the breakwater will start in the spring once the contracts are signed.',
    '',
    'The mayor thanked the harbour staff for their patience during the long meeting.',
    '',
    'The harbour council approved the new budget on Tuesday evening after a long debate about dredging the eastern channel.',
    '',
    'Councillor Marta Okafor said the vote on the harbour budget was close, with seven in favour and two against.',
    '',
    'The council meets again on the fourth of December.',
  ].join('\n');
  writeFileSync(file, original);
  const ingested = await workbench.call<{ added: number }>('ingest', { paths: [folder], story: 'Council' });
  expect(ingested.ok).toBe(true);
  const documents = await workbench.call<{ id: string; path: string }[]>('listDocuments', { story: 'Council' });
  if (!documents.ok) throw new Error(documents.error.message);
  const doc = documents.value[0]!.id;
  await workbench.call('createNote', { body: 'How close was the vote?', tags: ['council'], passages: [{ doc, exact: 'Councillor Marta Okafor said the vote on the harbour budget was close, with seven in favour and two against.' }] });
  await workbench.call('createNote', {
    body: 'Dredging: check the tender',
    tags: ['council'],
    passages: [{ doc, exact: 'after a long debate about dredging the eastern channel' }, { doc, exact: 'Work on the breakwater will start in the spring' }],
  });

  // The article is corrected: the vote count changes, the breakwater sentence goes away.
  writeFileSync(
    file,
    original
      .replace('with seven in favour', 'with six in favour')
      .replace('Work on the breakwater will start in the spring once the contracts are signed.', 'The ferry terminal stays closed until March.'),
  );
  await workbench.call('ingest', { paths: [folder], story: 'Council' });

  await openWorkbench(page, workbench);
  await page.getByRole('button', { name: 'Harbour council approves the budget', exact: true }).click();
  await expect(page.locator('.reader-paragraph').first()).toBeVisible();
  await page.keyboard.press('Alt+6');
  const panel = page.getByRole('complementary', { name: 'Notebook' });
  const rows = panel.getByRole('list', { name: 'Notes' }).getByRole('listitem');
  await expect(rows.filter({ hasText: 'How close was the vote?' })).toContainText('1 changed');
  await expect(rows.filter({ hasText: 'Dredging' })).toContainText('1 not found');

  // In the reader, the changed passage is highlighted as drifted.
  await expect(page.locator('.reader-pane mark.mark-note-drifted').first()).toContainText('six in favour');

  // The orphans: the note whose passage is lost, and why.
  await panel.getByRole('button', { name: /^Orphans/ }).click();
  const orphans = panel.getByRole('list', { name: 'Orphans' }).getByRole('listitem');
  await expect(orphans).toHaveCount(1);
  await orphans.first().getByRole('button').first().click();
  const passages = panel.getByRole('region', { name: 'Passages of this note' }).getByRole('listitem');
  await expect(passages.filter({ hasText: 'Work on the breakwater' })).toContainText('could not be found');
  await snapshot(page, 'orphans');

  // The drifted note shows the word differences and both texts.
  await panel.getByRole('button', { name: 'All notes' }).click();
  await panel.getByRole('button', { name: /^Notes/ }).click();
  await rows.filter({ hasText: 'How close was the vote?' }).getByRole('button').first().click();
  const drifted = passages.first();
  await expect(drifted).toContainText('changed since noted');
  await expect(drifted.locator('del')).toContainText('seven');
  await expect(drifted.locator('ins')).toContainText('six');
  await expect(drifted.locator('dd').first()).toContainText('with seven in favour');
  await snapshot(page, 'drifted');
  await page.getByRole('button', { name: 'Switch to the dark theme' }).click();
  await page.locator('.reader-pane mark.mark-note').first().hover();
  await expect(page.getByRole('tooltip')).toContainText('Dredging');
  await snapshot(page, 'drifted-dark');
});
