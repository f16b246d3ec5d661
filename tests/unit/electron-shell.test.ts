import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { API_METHODS, type Api } from '../../src-main/contract/api';
import { success, type Result } from '../../src-main/contract/result';
import { startDesktopApp, type DesktopApp } from '../../src-main/electron/app';
import { EVENT_CHANNEL } from '../../src-main/electron/channels';
import { fakeElectron, fakeEngine, fakeEvent, type Listener } from '../support/fake-electron';
import { openExternalLink } from '../../src-main/electron/external-links';
import { MENU_COMMANDS } from '../../src-main/electron/menu';
import { BINDING_VARIABLE, electronBindingPath, ensureElectronBinding } from '../../src-main/electron/native-binding';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUNDLE = join(ROOT, 'out', 'main');
const RENDERER_URL = pathToFileURL(join(ROOT, 'out', 'renderer', 'index.html')).href;
const folder = mkdtempSync(join(tmpdir(), 'parallax-shell-'));
after(() => rmSync(folder, { recursive: true, force: true }));

/** Starts the shell with fakes; `existing` makes the library file exist so no samples load. */
async function startShell(existing = true) {
  const { electron, record } = fakeElectron();
  const engine = fakeEngine();
  const dbFile = join(mkdtempSync(join(folder, 'library-')), 'library.db');
  if (existing) writeFileSync(dbFile, '');
  const app: DesktopApp = await startDesktopApp(electron, { dbFile, bundleDir: BUNDLE, samplesFolder: join(ROOT, 'seeds'), startEngine: async () => engine.host });
  const window = record.windows[0]!;
  await new Promise((resolve) => setImmediate(resolve));
  /** Invokes a channel as the renderer would, from a given frame (our main frame by default). */
  const invoke = (method: string, input: unknown, frame: unknown = window.webContents.mainFrame) =>
    record.handlers.get(`parallax:${method}`)!({ sender: window.webContents, senderFrame: frame }, input) as Promise<Result<unknown>>;
  return { app, record, engine, window, invoke };
}

describe('desktop shell with a fake electron module', () => {
  test('every contract method is registered exactly once as parallax:METHOD', async () => {
    const { record } = await startShell();
    assert.deepEqual([...record.handlers.keys()].sort(), API_METHODS.map((method) => `parallax:${method}`).sort());
  });

  test('the window has the secure web preferences and loads the built renderer', async () => {
    const { window } = await startShell();
    const preferences = window.options.webPreferences;
    assert.equal(preferences.contextIsolation, true);
    assert.equal(preferences.sandbox, true);
    assert.equal(preferences.nodeIntegration, false);
    assert.equal(preferences.webSecurity, true);
    assert.equal(preferences.preload, join(ROOT, 'out', 'preload', 'index.cjs'));
    assert.equal(window.webContents.mainFrame.url, RENDERER_URL);
  });

  test('navigation, new windows and webviews are denied', async () => {
    const { window, record } = await startShell();
    record.messageBoxAnswer = 1;
    const navigate = fakeEvent({ url: 'https://attacker.example/' });
    window.webContents.emit('will-navigate', navigate);
    assert.equal(navigate.defaultPrevented, true);
    const local = fakeEvent({ url: 'file:///etc/passwd' });
    window.webContents.emit('will-navigate', local);
    assert.equal(local.defaultPrevented, true);
    assert.deepEqual(window.webContents.openHandler!({ url: 'https://example.com/' }), { action: 'deny' });
    const webview = fakeEvent();
    window.webContents.emit('will-attach-webview', webview, {}, {});
    assert.equal(webview.defaultPrevented, true);
    await new Promise((resolve) => setImmediate(resolve));
    const asked = record.messageBoxes.map((args) => (args[1] as { detail: string }).detail);
    assert.deepEqual(asked, ['https://attacker.example/', 'https://example.com/'], 'web links are offered, file: ones are not');
    assert.deepEqual(record.opened, [], 'nothing opens without the reporter confirming');
  });

  test('permissions are denied and every response carries the CSP', async () => {
    const { record } = await startShell();
    let granted: boolean | undefined;
    record.permissionRequest!({}, 'media', (answer: boolean) => (granted = answer), {});
    assert.equal(granted, false);
    assert.equal(record.permissionCheck!({}, 'clipboard-read', 'file://', {}), false);
    let headers: Record<string, string[]> = {};
    record.headers!({ url: RENDERER_URL, responseHeaders: {} }, (answer: { responseHeaders: Record<string, string[]> }) => (headers = answer.responseHeaders));
    assert.match(headers['Content-Security-Policy']?.[0] ?? '', /default-src 'self'.*object-src 'none'/);
    let cancel: boolean | undefined;
    record.beforeRequest!({ url: 'https://tracker.example/pixel.gif' }, (answer: { cancel: boolean }) => (cancel = answer.cancel));
    assert.equal(cancel, true);
  });

  test('an IPC call from a foreign frame or URL is refused without reaching the engine', async () => {
    const { window, engine, invoke } = await startShell();
    const subframe = { url: RENDERER_URL, frameToken: 'child', parent: window.webContents.mainFrame };
    const child = await invoke('listStories', {}, subframe);
    assert.equal(child.ok, false);
    assert.equal((await invoke('listStories', {}, null)).ok, false);
    window.webContents.mainFrame.url = 'https://attacker.example/';
    const foreign = await invoke('listStories', {});
    assert.ok(!foreign.ok);
    assert.match(foreign.error.message, /did not come from the Parallax window/);
    assert.deepEqual(engine.calls, []);
  });

  test('an invalid argument gets a bad-request result without reaching the engine; a valid call reaches it', async () => {
    const { engine, invoke } = await startShell();
    const bad = await invoke('getDocument', { doc: 'd1', script: 'alert(1)' });
    assert.ok(!bad.ok);
    assert.equal(bad.error.code, 'bad-request');
    assert.deepEqual(engine.calls, []);
    const good = await invoke('search', { query: 'mayor', limit: 5 });
    assert.deepEqual(good, success({ method: 'search' }));
    assert.deepEqual(engine.calls, [['search', { query: 'mayor', limit: 5 }]]);
  });

  test('chooseFolder asks the system dialog for a folder, not the engine', async () => {
    const { record, engine, invoke } = await startShell();
    assert.deepEqual(await invoke('chooseFolder', {}), success({ path: '/home/reporter/story' }));
    const options = record.openDialogs[0]?.[1] as { properties: string[] };
    assert.deepEqual(options.properties, ['openDirectory']);
    assert.deepEqual(engine.calls, []);
  });

  test('progress and menu commands reach the window as parallax:event', async () => {
    const { window, record, engine } = await startShell();
    engine.progress({ phase: 'reading', done: 3, total: 10 });
    assert.deepEqual(window.webContents.sent.at(-1), [EVENT_CHANNEL, { event: 'progress', payload: { phase: 'reading', done: 3, total: 10 } }]);
    const template = (record.menus[0] as { template: { label?: string; submenu?: { label?: string; accelerator?: string; click?: () => void }[] }[] }).template;
    const items = template.flatMap((menu) => menu.submenu ?? []);
    for (const [label, accelerator] of [['Import folder…', 'CmdOrCtrl+O'], ['Find…', 'CmdOrCtrl+F'], ['Command palette…', 'CmdOrCtrl+K']]) {
      assert.equal(items.find((item) => item.label === label)?.accelerator, accelerator, label);
    }
    for (const item of items) item.click?.();
    const commands = window.webContents.sent.flatMap(([, message]) => ((message as { event: string }).event === 'command' ? [(message as { payload: { name: string } }).payload.name] : []));
    assert.deepEqual([...commands].sort(), [...MENU_COMMANDS].sort());
  });

  test('the first run loads the sample story; a later run does not', async () => {
    const first = await startShell(false);
    assert.deepEqual(first.engine.calls, [['ingest', { paths: [join(ROOT, 'seeds')], story: 'Sample story' }]]);
    const later = await startShell(true);
    assert.deepEqual(later.engine.calls, []);
  });

  test('openExternal refuses file: and javascript: URLs and asks before opening https', async () => {
    const { electron, record } = fakeElectron();
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'not a url']) {
      assert.equal(await openExternalLink(electron, null, url), false, url);
    }
    assert.deepEqual(record.messageBoxes, []);
    record.messageBoxAnswer = 1;
    assert.equal(await openExternalLink(electron, null, 'https://example.com/story'), false);
    assert.deepEqual(record.opened, []);
    record.messageBoxAnswer = 0;
    assert.equal(await openExternalLink(electron, null, 'https://example.com/story'), true);
    assert.match(JSON.stringify(record.messageBoxes.at(-1)), /https:\/\/example\.com\/story/);
    assert.deepEqual(record.opened, ['https://example.com/story']);
  });
});

describe('preload bridge', () => {
  test('the preload exposes exactly the contract methods plus on, and never ipcRenderer', async () => {
    const exposed = new Map<string, Record<string, (...args: unknown[]) => unknown>>();
    const invoked: unknown[][] = [];
    const listeners = new Map<string, Listener[]>();
    Object.assign(globalThis, {
      parallaxFakeElectron: {
        contextBridge: { exposeInMainWorld: (key: string, value: Record<string, (...args: unknown[]) => unknown>) => exposed.set(key, value) },
        ipcRenderer: {
          invoke: async (...args: unknown[]) => (invoked.push(args), success(null)),
          on: (channel: string, listener: Listener) => listeners.set(channel, [...(listeners.get(channel) ?? []), listener]),
          removeListener: (channel: string, listener: Listener) => listeners.set(channel, (listeners.get(channel) ?? []).filter((entry) => entry !== listener)),
        },
      },
    });
    // A loader hook answers `import 'electron'` with the fake above, so the real preload entry file runs unchanged.
    const fake = `data:text/javascript,${encodeURIComponent('const e = globalThis.parallaxFakeElectron; export const contextBridge = e.contextBridge; export const ipcRenderer = e.ipcRenderer; export default e;')}`;
    const hook = `export async function resolve(specifier, context, next) { return specifier === 'electron' ? { url: ${JSON.stringify(fake)}, shortCircuit: true } : next(specifier, context); }`;
    register(`data:text/javascript,${encodeURIComponent(hook)}`, import.meta.url);
    await import('../../src-main/electron/preload');

    assert.deepEqual([...exposed.keys()], ['parallax']);
    const bridge = exposed.get('parallax')!;
    assert.deepEqual(Object.keys(bridge).sort(), [...API_METHODS, 'on'].sort());
    await bridge.search!({ query: 'mayor' });
    assert.deepEqual(invoked, [['parallax:search', { query: 'mayor' }]]);

    const payloads: unknown[] = [];
    const unsubscribe = bridge.on!('progress', (payload: unknown) => payloads.push(payload)) as () => void;
    const relay = (message: unknown) => listeners.get(EVENT_CHANNEL)?.forEach((listener) => listener({ senderId: 0 }, message));
    relay({ event: 'command', payload: { name: 'find' } });
    relay({ event: 'progress', payload: { phase: 'done', done: 5, total: 5 } });
    unsubscribe();
    relay({ event: 'progress', payload: { phase: 'done', done: 6, total: 6 } });
    assert.deepEqual(payloads, [{ phase: 'done', done: 5, total: 5 }]);
  });
});

describe('better-sqlite3 for Electron', () => {
  /** A repository root with a stand-in better-sqlite3 package (a prebuilt Node binary included) and prebuild-install. */
  function fakeRoot(): string {
    const root = mkdtempSync(join(folder, 'root-'));
    for (const [path, text] of [
      ['node_modules/better-sqlite3/package.json', '{"name":"better-sqlite3","version":"0.0.0"}'],
      ['node_modules/better-sqlite3/build/Release/better_sqlite3.node', 'node build'],
      ['node_modules/prebuild-install/package.json', '{"name":"prebuild-install","version":"0.0.0"}'],
      ['node_modules/prebuild-install/bin.js', ''],
    ]) {
      mkdirSync(dirname(join(root, path!)), { recursive: true });
      writeFileSync(join(root, path!), text!);
    }
    return root;
  }

  test('the Electron build is made in a scratch copy, cached, and reused; Node\'s build is untouched', () => {
    const root = fakeRoot();
    const runs: { script: string; args: string[]; cwd: string }[] = [];
    const run = (script: string, args: string[], cwd: string) => {
      runs.push({ script, args, cwd });
      assert.equal(existsSync(join(cwd, 'build')), false, 'the copy leaves out the Node build');
      mkdirSync(join(cwd, 'build', 'Release'), { recursive: true });
      writeFileSync(join(cwd, 'build', 'Release', 'better_sqlite3.node'), 'electron build');
      return true;
    };
    const built = ensureElectronBinding({ root, electronVersion: '38.0.0', arch: 'x64', run });
    assert.deepEqual(built, { ok: true, path: electronBindingPath(root, '38.0.0') });
    assert.equal(built.path, join(root, 'node_modules', '.cache', 'parallax', 'electron-38.0.0', 'better_sqlite3.node'));
    assert.equal(readFileSync(built.path, 'utf8'), 'electron build');
    assert.equal(readFileSync(join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), 'utf8'), 'node build');
    assert.deepEqual(runs[0]?.args, ['--runtime', 'electron', '--target', '38.0.0', '--arch', 'x64']);
    assert.equal(existsSync(runs[0]!.cwd), false, 'the scratch copy is removed');
    const again = ensureElectronBinding({ root, electronVersion: '38.0.0', arch: 'x64', run: () => assert.fail('built twice') });
    assert.ok(again.ok);
  });

  test('when nothing can build it, the answer is a sentence', () => {
    const failed = ensureElectronBinding({ root: fakeRoot(), electronVersion: '38.0.0', arch: 'x64', run: () => false });
    assert.ok(!failed.ok && /could not build/.test(failed.message));
    const missing = ensureElectronBinding({ root: mkdtempSync(join(folder, 'empty-')), electronVersion: '38.0.0', arch: 'x64' });
    assert.ok(!missing.ok && /npm install/.test(missing.message));
  });
});

/** The Electron binary's path where it is installed, else null. */
function electronBinary(): string | null {
  try {
    const binary: unknown = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const built = existsSync(join(BUNDLE, 'index.js'));
const skip = !binary ? "Electron's binary is not installed on this machine." : !built ? 'The desktop app is not built: run "npm run build".' : false;

test('the desktop app launches, titles its window and lists the sample story', { skip }, async () => {
  const { _electron } = await import('playwright-core');
  const electronVersion = (createRequire(import.meta.url)('electron/package.json') as { version: string }).version;
  const binding = ensureElectronBinding({ root: ROOT, electronVersion, arch: process.arch });
  assert.ok(binding.ok, binding.ok ? '' : binding.message);
  const env = { ...process.env, PARALLAX_DB: join(mkdtempSync(join(folder, 'launch-')), 'library.db'), [BINDING_VARIABLE]: binding.path } as Record<string, string>;
  delete env.ELECTRON_RUN_AS_NODE;
  const electronApp = await _electron.launch({ executablePath: binary!, args: [join(BUNDLE, 'index.js')], env, cwd: ROOT });
  try {
    const page = await electronApp.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    assert.equal(await page.title(), 'Parallax');
    const listed = await page.evaluate(() => (globalThis as unknown as { parallax: Api }).parallax.listDocuments({}));
    assert.ok(listed.ok && listed.value.length >= 5, JSON.stringify(listed).slice(0, 200));
  } finally {
    await electronApp.close();
  }
});
