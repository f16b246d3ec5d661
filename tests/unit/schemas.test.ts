import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { API_METHODS, type ApiMethod } from '../../src-main/contract/api';
import { INPUT_LIMITS, INPUT_SCHEMAS, validateInput } from '../../src-main/contract/schemas';

/** The library list's filter with nothing narrowed. */
const PAGE_FILTER = { story: '', outlet: '', from: '', to: '', text: '' };

/** A valid input for every method, as the renderer would send it. */
const VALID: Record<ApiMethod, unknown[]> = {
  ingest: [{ paths: ['/home/reporter/story'] }, { paths: ['a.txt', 'b.html'], story: 'Water cuts' }],
  listDocuments: [{}, { story: 'Water cuts' }, { offset: 5000, limit: 5000 }],
  listDocumentPage: [
    { filter: PAGE_FILTER, sort: { key: 'published', direction: 'descending' }, offset: 0, limit: 100 },
    { filter: { ...PAGE_FILTER, outlet: '\u0000unknown', text: 'harbour' }, sort: { key: 'words', direction: 'ascending' }, offset: 99_900, limit: 1000, locate: 'd1' },
  ],
  listOutlets: [{}],
  getDocument: [{ doc: 'd1' }],
  getDocumentText: [{ doc: 'd1' }, { doc: 'd1', raw: true }],
  listBoilerplate: [{ doc: 'd1' }],
  setBoilerplateRestored: [{ doc: 'd1', index: 0, restored: true }],
  setMetadataOverride: [{ doc: 'd1', field: 'title', value: 'A title' }, { doc: 'd1', field: 'url', value: null }],
  clearMetadataOverride: [{ doc: 'd1', field: 'byline' }],
  listStories: [{}, undefined],
  getLibraryStatus: [{}],
  search: [{ query: 'mayor' }, { query: '"exact words" -noise', limit: 10000, story: 'Water cuts' }, { query: '' }],
  getReaderView: [{ doc: 'd1' }],
  findRelatedPassages: [{ doc: 'd1', start: 0, end: 12, within: ['d2', 'd3'] }, { doc: 'd1', start: 3, end: 4, within: [], limit: 5 }],
  listSharedPassages: [{ docs: ['d1', 'd2'] }, { docs: ['d1', 'd2', 'd3', 'd4'] }],
  listQuotes: [{}, { doc: 'd1', speaker: 'Sheinbaum', story: 'Water cuts' }],
  listQuoteClusters: [{}, { story: 'Water cuts' }],
  verifyQuote: [{ text: '“We reject any form of intervention.”' }, { text: 'a quote', story: 'Water cuts' }],
  comparePassages: [{}, { docs: ['d1', 'd2', 'd3'] }, { story: 'Water cuts' }],
  comparePassagePage: [{ offset: 0, limit: 1 }, { story: 'Water cuts', offset: 5000, limit: INPUT_LIMITS.passagePage }, { docs: ['d1', 'd2'], offset: 0, limit: 10 }],
  listClaims: [{}, { story: 'Water cuts' }],
  listProvenance: [{}, { story: 'Water cuts' }],
  getStoryComparison: [{}, { story: 'Water cuts' }],
  listNotes: [{}, { query: 'strike', tag: 'follow-up', orphans: true }, { trash: true, doc: 'd1' }],
  getNote: [{ id: 'n1' }],
  createNote: [
    { passages: [{ doc: 'd1', start: 0, end: 10 }] },
    { body: '# Check this', tags: ['strike', 'follow-up'], passages: [{ doc: 'd1', exact: 'not imminent' }, { doc: 'd2', start: 5, end: 9 }] },
  ],
  updateNote: [{ id: 'n1', body: 'More **words**' }, { id: 'n1', tags: [] }, { id: 'n1' }],
  addNotePassage: [{ id: 'n1', passage: { doc: 'd2', start: 0, end: 4 } }],
  removeNotePassage: [{ id: 'n1', anchorId: 'a1' }],
  deleteNote: [{ id: 'n1' }],
  restoreNote: [{ id: 'n1' }],
  listNoteRevisions: [{ id: 'n1' }],
  restoreNoteRevision: [{ id: 'n1', revision: 3 }],
  listDocumentNotes: [{ doc: 'd1' }],
  listNoteTags: [{}],
  exportNotes: [{ format: 'md' }, { format: 'json' }, { format: 'csv' }, { format: 'w3c' }],
  importNotes: [{ text: '{"format":"parallax-notebook"}' }],
  chooseFolder: [{}],
};

const huge = 'x'.repeat(100_000);

/** Invalid inputs: wrong types, extra keys, huge strings, out-of-range numbers. */
const INVALID: [ApiMethod, unknown][] = [
  ['ingest', { paths: 'not a list' }],
  ['ingest', { paths: [] }],
  ['ingest', { paths: [huge] }],
  ['ingest', { paths: [''] }],
  ['ingest', { paths: ['a'], story: 7 }],
  ['ingest', { paths: Array.from({ length: INPUT_LIMITS.paths + 1 }, (_, index) => `f${index}`) }],
  ['listDocuments', { story: huge }],
  ['listDocuments', { stroy: 'typo' }],
  ['listDocuments', { offset: -1 }],
  ['listDocuments', { limit: 0 }],
  ['listDocuments', { limit: 2.5 }],
  ['listDocumentPage', { filter: PAGE_FILTER, sort: { key: 'published', direction: 'descending' }, offset: 0, limit: 0 }],
  ['listDocumentPage', { filter: PAGE_FILTER, sort: { key: 'published', direction: 'descending' }, offset: 0, limit: INPUT_LIMITS.page + 1 }],
  ['listDocumentPage', { filter: PAGE_FILTER, sort: { key: 'published', direction: 'descending' }, offset: -1, limit: 10 }],
  ['listDocumentPage', { filter: PAGE_FILTER, sort: { key: 'path', direction: 'descending' }, offset: 0, limit: 10 }],
  ['listDocumentPage', { filter: { story: '' }, sort: { key: 'title', direction: 'ascending' }, offset: 0, limit: 10 }],
  ['listDocumentPage', { filter: { ...PAGE_FILTER, text: huge }, sort: { key: 'title', direction: 'ascending' }, offset: 0, limit: 10 }],
  ['listOutlets', { story: 'x' }],
  ['getDocument', {}],
  ['getDocument', { doc: 42 }],
  ['getDocument', { doc: huge }],
  ['getDocument', null],
  ['getDocument', 'd1'],
  ['getDocument', ['d1']],
  ['getDocumentText', { doc: 'd1', raw: 'yes' }],
  ['setBoilerplateRestored', { doc: 'd1', index: -1, restored: true }],
  ['setBoilerplateRestored', { doc: 'd1', index: 1.5, restored: true }],
  ['setBoilerplateRestored', { doc: 'd1', index: 0 }],
  ['setMetadataOverride', { doc: 'd1', field: 'body', value: 'x' }],
  ['setMetadataOverride', { doc: 'd1', field: 'title', value: huge }],
  ['setMetadataOverride', { doc: 'd1', field: 'title' }],
  ['clearMetadataOverride', { doc: 'd1', field: 'title', value: null }],
  ['listStories', { all: true }],
  ['comparePassages', { docs: ['d1'] }],
  ['comparePassages', { docs: 'd1,d2' }],
  ['comparePassagePage', { story: 'Water cuts' }],
  ['comparePassagePage', { offset: 0, limit: 0 }],
  ['comparePassagePage', { offset: 0, limit: INPUT_LIMITS.passagePage + 1 }],
  ['comparePassagePage', { offset: -1, limit: 10 }],
  ['comparePassagePage', { docs: ['d1'], offset: 0, limit: 10 }],
  ['listClaims', { story: 3 }],
  ['createNote', { passages: [] }],
  ['createNote', { passages: [{ doc: 'd1', start: 5, end: 5 }] }],
  ['createNote', { passages: [{ doc: 'd1', start: 0, end: 4, exact: 'both' }] }],
  ['createNote', { passages: [{ doc: 'd1', exact: '   ' }] }],
  ['createNote', { body: huge.repeat(11), passages: [{ doc: 'd1', start: 0, end: 4 }] }],
  ['createNote', { tags: ['ok', ''], passages: [{ doc: 'd1', start: 0, end: 4 }] }],
  ['createNote', { tags: 'strike', passages: [{ doc: 'd1', start: 0, end: 4 }] }],
  ['updateNote', { id: '', body: 'x' }],
  ['updateNote', { id: 'n1', body: 7 }],
  ['addNotePassage', { id: 'n1', passage: { doc: 'd1', start: -1, end: 4 } }],
  ['restoreNoteRevision', { id: 'n1', revision: 0 }],
  ['exportNotes', { format: 'pdf' }],
  ['exportNotes', {}],
  ['importNotes', { text: '' }],
  ['listNotes', { trash: 'yes' }],
  ['listProvenance', { story: huge }],
  ['getStoryComparison', { stories: ['x'] }],
  ['search', { query: huge }],
  ['search', { query: 'a', limit: 0 }],
  ['search', { query: 'a', limit: 10001 }],
  ['search', { query: 'a', limit: 2.5 }],
  ['search', { query: 'a', limit: '10' }],
  ['search', JSON.parse('{"query":"a","__proto__":{"polluted":true}}')],
  ['getReaderView', { doc: 'd1', extra: 1 }],
  ['findRelatedPassages', { doc: 'd1', start: 5, end: 2, within: [] }],
  ['findRelatedPassages', { doc: 'd1', start: -1, end: 2, within: [] }],
  ['findRelatedPassages', { doc: 'd1', start: 0, end: 2, within: Array.from({ length: 21 }, (_, index) => `d${index}`) }],
  ['findRelatedPassages', { doc: 'd1', start: 0, end: 2 }],
  ['listSharedPassages', { docs: ['d1'] }],
  ['listSharedPassages', { docs: ['d1', 'd2', 'd3', 'd4', 'd5'] }],
  ['listQuotes', { speaker: '' }],
  ['listQuotes', { doc: 7 }],
  ['listQuoteClusters', { doc: 'd1' }],
  ['verifyQuote', {}],
  ['verifyQuote', { text: '   ' }],
  ['verifyQuote', { text: 'x'.repeat(2001) }],
  ['chooseFolder', { title: 'Pick' }],
];

/** A sentence: starts with a capital, ends with a full stop, no schema jargon, and never echoes a huge input. */
function assertSentence(message: string): void {
  assert.match(message, /^[A-Z"].*[.]$/s, message);
  assert.doesNotMatch(message, /invalid_type|too_big|expected|received|Zod|undefined/i, message);
  assert.ok(message.length < 200, `too long: ${message.slice(0, 80)}`);
}

describe('input schemas', () => {
  test('every contract method has exactly one schema', () => {
    assert.deepEqual(Object.keys(INPUT_SCHEMAS).sort(), [...API_METHODS].sort());
  });

  test('valid inputs pass and come back unchanged', () => {
    for (const method of API_METHODS) {
      assert.ok(VALID[method].length > 0, `no valid sample for ${method}`);
      for (const input of VALID[method]) {
        const result = validateInput(method, input);
        assert.ok(result.ok, `${method} ${JSON.stringify(input)}: ${result.ok ? '' : result.error.message}`);
        assert.deepEqual(result.value, input ?? {});
      }
    }
  });

  test('wrong types, extra keys, huge strings and out-of-range numbers fail with a sentence', () => {
    for (const [method, input] of INVALID) {
      const result = validateInput(method, input);
      assert.ok(!result.ok, `${method} accepted ${JSON.stringify(input)?.slice(0, 80)}`);
      assert.equal(result.error.code, 'bad-request');
      assertSentence(result.error.message);
    }
  });

  test('the sentences name what is wrong', () => {
    const message = (method: ApiMethod, input: unknown) => {
      const result = validateInput(method, input);
      return result.ok ? '' : result.error.message;
    };
    assert.equal(message('getDocument', {}), 'The document is missing.');
    assert.equal(message('getDocument', { doc: 42 }), 'The document must be text.');
    assert.equal(message('search', { query: huge }), `The search is too long: at most ${INPUT_LIMITS.query} characters.`);
    assert.equal(message('listStories', { all: true }), 'This request has a field Parallax does not know: "all".');
    assert.equal(message('ingest', { paths: ['a', huge] }), `Item 2 of the list of files and folders is too long: at most ${INPUT_LIMITS.path} characters.`);
    assert.equal(message('search', { query: 'a', limit: 0 }), 'The number of results must be a whole number from 1 to 10000.');
    assert.equal(message('setMetadataOverride', { doc: 'd', field: 'body', value: null }), 'The metadata field must be one of: title, outlet, byline, published, url.');
    assert.equal(message('getDocument', null), 'This request must be a set of named fields (a JSON object).');
    assert.match(message('listStories', { [huge]: 1 }), /^This request has a field Parallax does not know: "x{40}…"\.$/);
  });

  test('a name that is not a contract method is refused', () => {
    for (const name of ['toString', '__proto__', 'constructor', 'dropLibrary']) {
      const result = validateInput(name as ApiMethod, {});
      assert.ok(!result.ok);
      assertSentence(result.error.message);
    }
  });
});
