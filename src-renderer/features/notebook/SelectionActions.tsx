import { useLayoutEffect, useRef, useState } from 'react';
import { Shortcut } from '../../components/Shortcut';
import './reader-notes.css';

/** What the selection's floating actions show and do. */
export interface SelectionActionsProps {
  top: number;
  left: number;
  /** Whether a note is open in the notebook, so the passage can be added to it. */
  canAdd: boolean;
  onNote(): void;
  onAdd(): void;
}

/** The small bar floating under a selected passage: start a note on it (N), or add it to the open note (Shift+N). */
export function SelectionActions({ top, left, canAdd, onNote, onAdd }: SelectionActionsProps) {
  const bar = useRef<HTMLDivElement>(null);
  const [shift, setShift] = useState(0);

  // Kept inside the pane: moved left by however much its real width would overflow the scroller's right edge.
  useLayoutEffect(() => {
    const element = bar.current;
    const scroller = element?.parentElement;
    if (!element || !scroller) return;
    const overflow = left + element.offsetWidth + 8 - (scroller.clientWidth + scroller.scrollLeft);
    setShift(Math.min(Math.max(0, overflow), Math.max(0, left - 8)));
  }, [left, canAdd]);

  return (
    <div
      ref={bar}
      className="selection-actions"
      style={{ top, left: left - shift }}
      role="toolbar"
      aria-label="Selected passage"
      // Pressing a button must not clear the selection it acts on.
      onMouseDown={(event) => event.preventDefault()}
    >
      <button type="button" onClick={onNote} title="Start a note on this passage">
        <span aria-hidden="true">✎</span> Note <Shortcut binding="N" />
      </button>
      {canAdd ? (
        <button type="button" onClick={onAdd} title="Add this passage to the note open in the notebook">
          Add to this note <Shortcut binding="Shift+N" />
        </button>
      ) : null}
    </div>
  );
}
