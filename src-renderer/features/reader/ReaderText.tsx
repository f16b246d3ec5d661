import { memo, useMemo, type ReactNode } from 'react';
import type { HiddenBlock, ReaderView } from '../../../src-main/contract/reader';
import { placeHidden, segmentsOf, type MarginOf, type Mark, type Segment } from './marks';

/** Reasons the boilerplate detector gives, as a reporter would say them. */
export function describeReason(reason: string): string {
  return reason.replace(/[-_]+/g, ' ');
}

/**
 * The canonical reading text as React text nodes: one <p> per paragraph, runs cut at every mark, each run tagged with
 * its offset (`data-at`), and a margin note beside a paragraph when `margin` gives one. Nothing from the article is
 * ever parsed as HTML.
 */
export const ReaderText = memo(function ReaderText({ view, marks, showHidden, margin }: { view: ReaderView; marks: readonly Mark[]; showHidden: boolean; margin?: MarginOf | undefined }) {
  const hidden = useMemo(() => placeHidden(view.hidden, view.paragraphs), [view]);
  const blocks: ReactNode[] = [];
  view.paragraphs.forEach((paragraph, index) => {
    if (showHidden) for (const block of hidden.get(index) ?? []) blocks.push(<HiddenText key={`hidden-${block.index}`} block={block} />);
    const note = margin?.(paragraph, view.text) ?? null;
    blocks.push(
      <p key={`p-${paragraph.start}`} className={note ? 'reader-paragraph has-margin-note' : 'reader-paragraph'}>
        {note ? <span className={`margin-note margin-${note.kind}`} role="img" aria-label={note.note} title={note.note} /> : null}
        {segmentsOf(paragraph.start, paragraph.end, marks).map((segment) => (
          <Run key={segment.start} segment={segment} text={view.text.slice(segment.start, segment.end)} />
        ))}
      </p>,
    );
  });
  if (showHidden) for (const block of hidden.get(view.paragraphs.length) ?? []) blocks.push(<HiddenText key={`hidden-${block.index}`} block={block} />);
  return <div className="reader-text">{blocks}</div>;
});

/**
 * One run of text: a plain span, or a mark whose classes say why it is marked. A noted run names its notes in
 * `data-note-ids` and keeps its other explanations in `data-hint`, for the notebook's popover (no native tooltip on top).
 */
function Run({ segment, text }: { segment: Segment; text: string }) {
  if (segment.kinds.length === 0) return <span data-at={segment.start}>{text}</span>;
  const className = [...segment.kinds.map((kind) => `mark-${kind}`), ...segment.tones, segment.flash === null ? '' : `mark-flash mark-flash-${segment.flash % 2}`].filter(Boolean).join(' ');
  const hint = segment.notes.join('\n') || undefined;
  if (segment.noteIds.length > 0) {
    return (
      <mark data-at={segment.start} className={className} data-note-ids={segment.noteIds.join(' ')} data-hint={hint}>
        {text}
      </mark>
    );
  }
  return (
    <mark data-at={segment.start} className={className} title={hint}>
      {text}
    </mark>
  );
}

/** A removed boilerplate block shown dimmed where it stood, with the reason it was removed. */
function HiddenText({ block }: { block: HiddenBlock }) {
  return (
    <aside className="hidden-block" aria-label={`Removed as ${describeReason(block.reason)}`}>
      <span className="hidden-reason">Removed · {describeReason(block.reason)}</span>
      <span className="hidden-content">{block.text.trim()}</span>
    </aside>
  );
}
