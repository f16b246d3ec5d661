import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { defaultLibraryPath } from '../../src-main/core/store/location';

test('PARALLAX_HOME wins, then the platform app-data folder for "Parallax"', () => {
  assert.equal(defaultLibraryPath({ PARALLAX_HOME: '/data/px' }, 'linux', '/home/ana'), join('/data/px', 'library.db'));
  assert.equal(defaultLibraryPath({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ana'), join('/cfg', 'Parallax', 'library.db'));
  assert.equal(defaultLibraryPath({}, 'linux', '/home/ana'), join('/home/ana', '.config', 'Parallax', 'library.db'));
  assert.equal(defaultLibraryPath({}, 'darwin', '/Users/ana'), join('/Users/ana', 'Library', 'Application Support', 'Parallax', 'library.db'));
  assert.equal(defaultLibraryPath({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ana'), join('C:\\Users\\ana\\AppData\\Roaming', 'Parallax', 'library.db'));
});
