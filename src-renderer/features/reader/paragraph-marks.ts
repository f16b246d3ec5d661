/** Marks sorted into the paragraphs they touch, so a change of marks re-renders only the paragraphs it concerns. */
import type { Mark } from './marks';
import { paragraphAt, type ParagraphRange } from './progressive';

/** The marks touching one paragraph, in their original order, and a key that changes whenever they do. */
export interface ParagraphMarks {
  marks: Mark[];
  signature: string;
}

/** Everything about a mark that changes how it is drawn. */
function markKey(mark: Mark): string {
  return [mark.start, mark.end, mark.kind, mark.tone ?? '', mark.noteId ?? '', mark.flash ?? '', mark.note ?? ''].join('\u0001');
}

/** The marks of each paragraph (by index; paragraphs without marks are absent), each list in the marks' order. */
export function marksByParagraph(marks: readonly Mark[], paragraphs: readonly ParagraphRange[]): Map<number, ParagraphMarks> {
  const byParagraph = new Map<number, ParagraphMarks>();
  if (paragraphs.length === 0) return byParagraph;
  for (const mark of marks) {
    if (mark.end <= mark.start) continue;
    for (let index = paragraphAt(paragraphs, mark.start); index < paragraphs.length && paragraphs[index]!.start < mark.end; index++) {
      if (paragraphs[index]!.end <= mark.start) continue;
      const entry = byParagraph.get(index);
      if (entry) entry.marks.push(mark);
      else byParagraph.set(index, { marks: [mark], signature: '' });
    }
  }
  for (const entry of byParagraph.values()) entry.signature = entry.marks.map(markKey).join('\u0002');
  return byParagraph;
}
