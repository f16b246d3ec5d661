/** A paragraph of one document's reading text: the unit of story search and, later, of comparison. */
export interface Passage {
  documentId: string;
  start: number;
  end: number;
}

/** Longest passage kept whole; longer paragraphs are cut at sentence ends so hits stay precise. */
const MAX_PASSAGE = 1200;

/** Splits a reading text into paragraphs (blank-line separated), cutting very long ones at sentence boundaries. */
export function splitPassages(documentId: string, text: string): Passage[] {
  const passages: Passage[] = [];
  const paragraph = /[^\n]+(?:\n(?!\n)[^\n]*)*/g;
  for (const match of text.matchAll(paragraph)) {
    const start = match.index;
    const end = start + match[0].length;
    if (match[0].trim().length === 0) continue;
    let cursor = start;
    while (end - cursor > MAX_PASSAGE) {
      const window = text.slice(cursor, cursor + MAX_PASSAGE);
      let cut = -1;
      for (const sentenceEnd of window.matchAll(/[.!?…]["”’)]?\s+/g)) {
        if (sentenceEnd.index + sentenceEnd[0].length > MAX_PASSAGE / 3) cut = sentenceEnd.index + sentenceEnd[0].length;
      }
      if (cut <= 0) cut = window.lastIndexOf(' ') > 0 ? window.lastIndexOf(' ') + 1 : MAX_PASSAGE;
      passages.push({ documentId, start: cursor, end: trimEnd(text, cursor, cursor + cut) });
      cursor += cut;
    }
    if (cursor < end) passages.push({ documentId, start: cursor, end });
  }
  return passages;
}

function trimEnd(text: string, start: number, end: number): number {
  let position = end;
  while (position > start && /\s/.test(text[position - 1] ?? '')) position--;
  return position;
}
