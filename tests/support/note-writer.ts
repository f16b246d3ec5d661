/**
 * A child process for the crash tests: saves notes as fast as a typist's autosave would, forever, and prints one
 * acknowledgement line per save after it returns (so after its transaction committed). The parent kills it with
 * SIGKILL at a random moment and checks that every acknowledged save is intact.
 *
 * Usage: node --import tsx tests/support/note-writer.ts LIBRARY NOTE_ID DOC_ID
 */
import { writeSync } from 'node:fs';
import { openLibrary } from '../../src-main/engine/in-process';
import { typedBody } from './typed-body';

const [file, noteId, docId] = process.argv.slice(2);
if (!file || !noteId || !docId) throw new Error('usage: note-writer LIBRARY NOTE_ID DOC_ID');


const { engine } = openLibrary(file);
const ack = (line: string) => writeSync(1, `${line}\n`);
ack('ready');
for (let index = 1; ; index++) {
  const saved = engine.updateNote({ id: noteId, body: typedBody(index) });
  if (!saved.ok) throw new Error(saved.error.message);
  ack(`save ${index}`);
  if (index % 7 === 0) {
    const created = engine.createNote({ body: `New note ${index}`, tags: [`t${index}`], passages: [{ doc: docId, start: index % 500, end: (index % 500) + 40 }] });
    if (!created.ok) throw new Error(created.error.message);
    ack(`note ${created.value.id} ${index}`);
  }
}
