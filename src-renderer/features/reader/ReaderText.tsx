import { memo, useMemo, type ReactNode } from 'react';
import type { HiddenBlock, ReaderView } from '../../../src-main/contract/reader';
import { placeHidden, segmentsOf, type MarginNote, type MarginOf, type Mark, type Segment } from './marks';
import { marksByParagraph, type ParagraphMarks } from './paragraph-marks';
import { pageMarksByParagraph, type PageMark } from './page-marks';
import { useProgressiveCount } from './use-progressive-count';

/** Reasons the boilerplate detector gives, as a reporter would say them. */
export function describeReason(reason: string): string {
  return reason.replace(/[-_]+/g, ' ');
}

/** What the reading text shows: the view, its marks, hidden blocks and margin notes, and a place it must reach at once. */
export interface ReaderTextProps {
  view: ReaderView;
  marks: readonly Mark[];
  showHidden: boolean;
  margin?: MarginOf | undefined;
  /** An offset to render at once (a place the pane is about to scroll to); the rest follows a chunk a frame. */
  through?: number | null | undefined;
}

/**
 * The canonical reading text as React text nodes: one <p> per paragraph, runs cut at every mark, each run tagged with
 * its offset (`data-at`), and a margin note beside a paragraph when `margin` gives one. A long text is rendered a
 * chunk at a time (`aria-busy` until whole, and while the view is the partial one of its opening); a paragraph
 * re-renders only when its own text, marks or note change, so the whole view replacing a partial one leaves the
 * paragraphs on the page as they are. Nothing from the article is ever parsed as HTML.
 */
export const ReaderText = memo(function ReaderText({ view, marks, showHidden, margin, through = null }: ReaderTextProps) {
  const progress = useProgressiveCount(view, through);
  const hidden = useMemo(() => placeHidden(view.hidden, view.paragraphs), [view]);
  const byParagraph = useMemo(() => marksByParagraph(marks, view.paragraphs), [marks, view]);
  const pageMarks = useMemo(() => pageMarksByParagraph(view.pages ?? [], view.paragraphs), [view]);
  // Margin notes are worked out once per paragraph as it is first rendered, and again only for a new margin.
  const notes = useMemo(() => new Map<number, MarginNote | null>(), [margin, view]);
  const blocks: ReactNode[] = [];
  for (let index = 0; index < progress.count; index++) {
    const paragraph = view.paragraphs[index]!;
    if (showHidden) for (const block of hidden.get(index) ?? []) blocks.push(<HiddenText key={`hidden-${block.index}`} block={block} />);
    for (const mark of pageMarks.get(index) ?? []) blocks.push(<PageNumber key={`page-${mark.page}`} mark={mark} />);
    let note = notes.get(index);
    // A partial view's last paragraph may be cut short: its margin note waits for the whole of it.
    const cutShort = !view.complete && index === view.paragraphs.length - 1;
    if (note === undefined) notes.set(index, (note = cutShort ? null : (margin?.(paragraph, view.text) ?? null)));
    blocks.push(<Paragraph key={`p-${paragraph.start}`} text={view.text} start={paragraph.start} end={paragraph.end} marks={byParagraph.get(index)} note={note} />);
  }
  if (showHidden && progress.complete) for (const block of hidden.get(view.paragraphs.length) ?? []) blocks.push(<HiddenText key={`hidden-${block.index}`} block={block} />);
  return (
    <div className="reader-text" ref={progress.ref} aria-busy={progress.complete ? undefined : true}>
      {blocks}
    </div>
  );
});

/** A PDF's page number before the paragraph its page begins in; not selectable, so a selection's text stays the article's. */
function PageNumber({ mark }: { mark: PageMark }) {
  const label = mark.inside ? `Page ${mark.page} begins within the next paragraph` : `Page ${mark.page}`;
  return (
    <div className="page-mark" role="note" aria-label={label} title={label}>
      p. {mark.page}
      {mark.inside ? ' ↓' : ''}
    </div>
  );
}

/** What one paragraph shows: its range of the text, the marks touching it, and its margin note. */
interface ParagraphProps {
  text: string;
  start: number;
  end: number;
  marks: ParagraphMarks | undefined;
  note: MarginNote | null;
}

/** One paragraph: runs cut at its marks, with its margin note; skipped on re-render unless its text, marks or note changed. */
const Paragraph = memo(
  function Paragraph({ text, start, end, marks, note }: ParagraphProps) {
    return (
      <p className={note ? 'reader-paragraph has-margin-note' : 'reader-paragraph'}>
        {note ? <span className={`margin-note margin-${note.kind}`} role="img" aria-label={note.note} title={note.note} /> : null}
        {segmentsOf(start, end, marks?.marks ?? []).map((segment) => (
          <Run key={segment.start} segment={segment} text={text.slice(segment.start, segment.end)} />
        ))}
      </p>
    );
  },
  (before, after) =>
    (before.text === after.text || before.text.slice(before.start, before.end) === after.text.slice(after.start, after.end)) &&
    before.start === after.start &&
    before.end === after.end &&
    (before.marks?.signature ?? '') === (after.marks?.signature ?? '') &&
    before.note?.kind === after.note?.kind &&
    before.note?.note === after.note?.note,
);

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
