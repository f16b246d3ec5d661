import { useEffect, useRef, useState, type RefObject } from 'react';
import type { NotePreview } from './use-doc-notes';
import { clip, plainText } from './note-text';
import './reader-notes.css';

/** How long the card waits before it goes, so the pointer can move onto it. */
const HIDE_MS = 220;
/** The card's width, for keeping it inside the window. */
const CARD_WIDTH = 320;

/** Where the card stands (fixed, in window coordinates), for which notes, with the run's other explanations. */
interface Card {
  noteIds: string[];
  hint: string | null;
  left: number;
  top: number;
  below: boolean;
}

/** Where the card stands for a run: above it, or below when the run is near the top of the window. */
function placeFor(run: HTMLElement): Card {
  const rectangle = run.getBoundingClientRect();
  const below = rectangle.top < 170;
  return {
    noteIds: (run.dataset.noteIds ?? '').split(' ').filter(Boolean),
    hint: run.dataset.hint ?? null,
    left: Math.max(8, Math.min(rectangle.left, window.innerWidth - CARD_WIDTH - 8)),
    top: below ? rectangle.bottom + 6 : rectangle.top - 6,
    below,
  };
}

/** Whether a run is still on screen, inside its scroller. */
function onScreen(run: HTMLElement): boolean {
  const rectangle = run.getBoundingClientRect();
  const frame = run.closest('.reader-scroller')?.getBoundingClientRect();
  return run.isConnected && !!frame && rectangle.bottom > frame.top && rectangle.top < frame.bottom;
}

/** The noted run under an event's target, if any. */
function notedRun(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>('mark[data-note-ids]') : null;
}

/**
 * The reader's note highlights come alive here: hovering one shows a small card with the note's first words and
 * tags, and clicking it opens the note in the notebook. Listens on `container` (the panes) rather than on every run.
 */
export function NoteHoverCard({ container, previews, onOpen }: { container: RefObject<HTMLElement | null>; previews: ReadonlyMap<string, NotePreview>; onOpen(noteId: string): void }) {
  const [card, setCard] = useState<Card | null>(null);
  const hideTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const shownRun = useRef<HTMLElement | null>(null);
  const onOpenRef = useRef(onOpen);
  onOpenRef.current = onOpen;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const cancelHide = () => clearTimeout(hideTimer.current);
    const hideSoon = () => {
      cancelHide();
      hideTimer.current = setTimeout(() => {
        shownRun.current = null;
        setCard(null);
      }, HIDE_MS);
    };
    const onOver = (event: MouseEvent) => {
      const run = notedRun(event.target);
      if (!run) return;
      cancelHide();
      shownRun.current = run;
      setCard(placeFor(run));
    };
    const onOut = (event: MouseEvent) => {
      if (notedRun(event.target) && !notedRun(event.relatedTarget)) hideSoon();
    };
    const onClick = (event: MouseEvent) => {
      const run = notedRun(event.target);
      const selection = document.getSelection();
      // A drag that selected words is a selection, not a click on the note.
      if (!run || (selection && !selection.isCollapsed)) return;
      const first = run.dataset.noteIds?.split(' ')[0];
      if (first) onOpenRef.current(first);
    };
    // Scrolling carries the card along with its run, and puts it away once the run leaves the pane.
    const onScroll = () => {
      const run = shownRun.current;
      if (!run) return;
      if (onScreen(run)) setCard(placeFor(run));
      else {
        shownRun.current = null;
        setCard(null);
      }
    };
    element.addEventListener('mouseover', onOver);
    element.addEventListener('mouseout', onOut);
    element.addEventListener('click', onClick);
    element.addEventListener('scroll', onScroll, true);
    return () => {
      cancelHide();
      element.removeEventListener('mouseover', onOver);
      element.removeEventListener('mouseout', onOut);
      element.removeEventListener('click', onClick);
      element.removeEventListener('scroll', onScroll, true);
    };
  }, [container]);

  if (!card) return null;
  const notes = card.noteIds.map((id) => previews.get(id)).filter((preview): preview is NotePreview => preview !== undefined);
  if (notes.length === 0) return null;
  return (
    <div
      className={`note-card${card.below ? ' below' : ''}`}
      role="tooltip"
      style={{ left: card.left, top: card.top, width: CARD_WIDTH }}
      onMouseEnter={() => clearTimeout(hideTimer.current)}
      onMouseLeave={() => {
        shownRun.current = null;
        setCard(null);
      }}
    >
      {notes.map((note) => (
        <div key={note.noteId} className="note-card-note">
          <button type="button" className="note-card-open" onClick={() => onOpen(note.noteId)} title="Open this note in the notebook">
            <span className="note-card-label">
              <span aria-hidden="true">✎</span> Your note
            </span>
            <span className={`note-card-preview${plainText(note.preview) ? '' : ' empty'}`}>{clip(plainText(note.preview), 200) || 'No words yet: only the passage is noted.'}</span>
          </button>
          {note.tags.length > 0 ? (
            <p className="note-card-tags">
              {note.tags.map((tag) => (
                <span key={tag} className="note-tag">
                  {tag}
                </span>
              ))}
            </p>
          ) : null}
          {note.drifted ? <p className="note-card-drifted">The source changed since this was noted.</p> : null}
        </div>
      ))}
      {card.hint ? <p className="note-card-hint">{card.hint}</p> : null}
      <p className="note-card-foot">Click the highlight to open {notes.length > 1 ? 'the first note' : 'the note'}.</p>
    </div>
  );
}
