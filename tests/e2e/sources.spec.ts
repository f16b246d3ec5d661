// PDF, Word and e-mail sources in the workbench: listed with their metadata, read in the reader, an e-mail's
// attachment listed as a source of its own, and a file dropped into the imported folder appearing without an import.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { SCREENSHOTS, expect, openWorkbench, test } from './fixtures';
import { makeArticlePdf } from '../support/pdf-fixture';
import { makeArticleDocx } from '../support/docx-fixture';
import { makeArticleEml } from '../support/eml-fixture';

const rows = (page: Page) => page.getByRole('grid', { name: 'Documents in the library' }).locator('.table-body [role="row"]');

const PARAGRAPHS = [
  'The port authority will close the harbour on Friday for repairs to the north quay, its director said on Monday.',
  '“We have no other choice,” said Ines Duarte, the authority’s director. “The quay is not safe for ships.”',
  'Fishing crews will moor in the southern basin until the work ends, which the authority expects in six weeks.',
];

test('PDF, Word and e-mail sources are listed, read and kept in step with their folder', async ({ page, workbench }) => {
  const folder = join(workbench.folder, 'harbour');
  mkdirSync(folder);
  writeFileSync(join(folder, 'filing.pdf'), makeArticlePdf(PARAGRAPHS, { Title: 'Harbour closure filing', Author: 'Port Authority Legal', CreationDate: 'D:20260310' }));
  writeFileSync(join(folder, 'release.docx'), makeArticleDocx(PARAGRAPHS, { title: 'Press release: harbour closes', author: 'Ana Ruiz', created: '2026-03-11T09:00:00Z' }));
  writeFileSync(
    join(folder, 'tip.eml'),
    makeArticleEml(['A reader sent the statement below. “It is final,” the director told her.'], {
      subject: 'Tip: harbour statement',
      from: '"Dana Ortiz" <dana@example.org>',
      attachments: [{ fileName: 'statement.txt', contentType: 'text/plain', bytes: new TextEncoder().encode(`Statement on the harbour\n\n${PARAGRAPHS.join('\n\n')}\n`) }],
    }),
  );
  const report = await workbench.call<{ added: number; failed: unknown[] }>('ingest', { paths: [folder] });
  expect(report.ok && report.value).toMatchObject({ added: 4, failed: [] });

  await openWorkbench(page, workbench);
  await expect(rows(page)).toHaveCount(9);
  await expect(rows(page).filter({ hasText: 'Harbour closure filing' })).toBeVisible();
  await expect(rows(page).filter({ hasText: 'Press release: harbour closes' })).toContainText('Ana Ruiz');
  await expect(rows(page).filter({ hasText: 'Tip: harbour statement' })).toContainText('Dana Ortiz');
  await expect(rows(page).filter({ hasText: 'tip.eml#statement.txt' })).toBeVisible();
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, 'sources-library.png') });

  await rows(page).filter({ hasText: 'Harbour closure filing' }).getByRole('button', { name: 'Harbour closure filing', exact: true }).click();
  await expect(page.locator('.reader-paragraph').filter({ hasText: 'We have no other choice' })).toBeVisible();
  await expect(page.getByRole('note', { name: 'Page 1' })).toHaveText('p. 1');
  await page.screenshot({ path: join(SCREENSHOTS, 'sources-reader-pdf.png') });

  // A file dropped into the imported folder reaches the library while the page is open, without an import.
  writeFileSync(join(folder, 'update.docx'), makeArticleDocx(['The north quay reopened on Thursday, two weeks early.'], { title: 'Quay reopens early' }));
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /Library/ }).click();
  await expect(rows(page).filter({ hasText: 'Quay reopens early' })).toBeVisible({ timeout: 20_000 });
});
