// A library found damaged at start-up is replaced by its newest sound backup, and the workbench says so in a banner.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { ROOT, startServe, stopServe } from './serve-process';
import { SCREENSHOTS } from './fixtures';

/** Runs the CLI on a library, as a reporter would. */
function cli(dbFile: string, ...args: string[]): string {
  return execFileSync(process.execPath, [join(ROOT, 'bin', 'parallax.mjs'), ...args, '--db', dbFile], { cwd: ROOT, encoding: 'utf8' });
}

test('a library cut off on disk is restored from its backup at start-up; the banner says where the damaged copy is', async ({ page }) => {
  const folder = mkdtempSync(join(tmpdir(), 'parallax-e2e-damaged-'));
  const dbFile = join(folder, 'library.db');
  try {
    cli(dbFile, 'ingest', join(ROOT, 'seeds'));
    cli(dbFile, 'notes', 'add', '--doc', readdirSync(join(ROOT, 'seeds')).map((name) => join(ROOT, 'seeds', name)).find((path) => /003_/.test(path))!, '--exact', 'the deployment is not imminent', '--body', 'Ask the Pentagon');
    // The second command on a library with documents takes its first daily backup as it opens (before the note).
    expect(readdirSync(join(folder, 'backups')).filter((name) => name.endsWith('.db')).length).toBe(1);
    truncateSync(dbFile, Math.floor(statSync(dbFile).size / 2));

    const { child, url } = await startServe(dbFile);
    try {
      await page.goto(url);
      const banner = page.getByRole('alert').filter({ hasText: 'damaged' });
      await expect(banner).toBeVisible();
      await expect(banner).toContainText('kept aside as');
      await expect(banner).toContainText('restored');
      await expect(page.getByRole('grid', { name: 'Documents in the library' }).getByRole('row').nth(1)).toBeVisible();
      await page.screenshot({ path: join(SCREENSHOTS, 'library-restored-banner.png') });
      expect(readdirSync(folder).some((name) => name.startsWith('library.db.damaged-'))).toBe(true);
      await banner.getByRole('button', { name: 'Dismiss the library notice' }).click();
      await expect(banner).toHaveCount(0);
    } finally {
      await stopServe(child);
    }
    // The restored library is the backup: the five articles; the note written after it is only in the damaged copy.
    expect(JSON.parse(cli(dbFile, 'docs', '--json'))).toHaveLength(5);
    expect(JSON.parse(cli(dbFile, 'notes', 'list', '--json'))).toHaveLength(0);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
