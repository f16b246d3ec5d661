import type { WordDiff } from '../../../src-main/contract/quotes';

/** Whether two pieces of text need a space between them (the diff's words may or may not carry their spaces). */
function needsSpace(before: string, after: string): boolean {
  return before !== '' && !/\s$/.test(before) && !/^[\s,.;:!?’”)]/.test(after);
}

/** What the marks of a diff say on hover; by default, one source's version against the longest one. */
export interface DiffLabels {
  added: string;
  removed: string;
}

const SOURCE_LABELS: DiffLabels = { added: 'Only this source has these words', removed: 'This source leaves these words out' };

/** A version's words against the longest version (or as `labels` say): removed words struck through, added words marked. */
export function WordDiffText({ diff, text, labels = SOURCE_LABELS }: { diff: readonly WordDiff[]; text: string; labels?: DiffLabels }) {
  if (diff.length === 0) return <span className="diff-text">{text}</span>;
  let before = '';
  return (
    <span className="diff-text">
      {diff.map((part, index) => {
        const space = needsSpace(before, part.text) ? ' ' : '';
        before = part.text;
        if (part.op === 'same')
          return (
            <span key={index}>
              {space}
              {part.text}
            </span>
          );
        const Tag = part.op === 'added' ? 'ins' : 'del';
        return (
          <span key={index}>
            {space}
            <Tag title={part.op === 'added' ? labels.added : labels.removed}>
              <span className="visually-hidden">{part.op === 'added' ? '[added: ' : '[removed: '}</span>
              {part.text}
              <span className="visually-hidden">]</span>
            </Tag>
          </span>
        );
      })}
    </span>
  );
}
