import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SEEDS, temporaryFolder } from '../support/cli';

/** Runs `npx parallax …` from the repository root as a script would. */
function parallax(...args: string[]) {
  const run = spawnSync('npx', ['--no-install', 'parallax', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const stderr = run.stderr.split('\n').filter((line) => line && !line.startsWith('npm warn')).join('\n');
  return { status: run.status, stdout: run.stdout, stderr };
}

test('npx parallax: one JSON value on stdout, exit statuses 0/1/2, one sentence on stderr and no stack trace', () => {
  const folder = temporaryFolder();
  try {
    const db = join(folder.dir, 'library.db');
    const ingest = parallax('ingest', SEEDS, '--json', '--db', db);
    assert.equal(ingest.status, 0, ingest.stderr);
    assert.deepEqual(JSON.parse(ingest.stdout), { added: 5, updated: 0, unchanged: 0, missing: 0, failed: [] });

    const docs = parallax('docs', '--json', '--db', db);
    assert.equal(docs.status, 0);
    assert.equal(JSON.parse(docs.stdout).length, 5);

    const malformed = parallax('search', '"drug cart', '--json', '--db', db);
    assert.equal(malformed.status, 2);
    assert.equal(malformed.stdout, '');
    assert.match(malformed.stderr, /^parallax: .+/);
    assert.doesNotMatch(malformed.stderr, /\n\s+at /);

    const unknown = parallax('text', 'no-such-doc', '--db', db);
    assert.equal(unknown.status, 1);
    assert.equal(unknown.stderr.split('\n').length, 1);

    assert.equal(parallax('frobnicate', '--db', db).status, 2);
    assert.equal(parallax('search', 'x', '--limit', 'many', '--db', db).status, 2);

    const blocker = join(folder.dir, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const unwritable = parallax('docs', '--db', join(blocker, 'library.db'));
    assert.equal(unwritable.status, 1);
    assert.match(unwritable.stderr, /^parallax: .*library/);
    assert.doesNotMatch(unwritable.stderr, /\n\s+at /);
  } finally {
    folder.cleanup();
  }
});
