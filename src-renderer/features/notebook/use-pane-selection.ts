import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { selectionOffsets } from '../reader/text-offsets';

/** A passage selected in one reader pane, and where its end stands in that pane's scroller (content coordinates). */
export interface PaneSelection {
  paneKey: number;
  docId: string;
  start: number;
  end: number;
  top: number;
  left: number;
}

/** Where, in a scroller's content, the end of a range stands: just under its last line, at its right end. */
function placeOf(scroller: HTMLElement, range: Range): { top: number; left: number } {
  const rectangles = [...range.getClientRects()].filter((rectangle) => rectangle.width > 0 || rectangle.height > 0);
  const last = rectangles.at(-1) ?? range.getBoundingClientRect();
  const frame = scroller.getBoundingClientRect();
  const top = last.bottom - frame.top + scroller.scrollTop + 6;
  const left = last.right - frame.left + scroller.scrollLeft - 40;
  // The actions keep themselves inside the pane once they know their width.
  return { top, left: Math.max(8, left) };
}

/**
 * Follows the text selection in the reader panes: which pane and document, its offsets, and where to float its
 * actions. A selection is kept while the command palette has the focus (focusing its field clears the page's
 * selection), so "Note the selected passage" still applies when chosen there.
 */
export function usePaneSelection(panes: readonly { key: number; docId: string | null }[], scrollers: RefObject<Map<number, HTMLElement>>) {
  const [selection, setSelection] = useState<PaneSelection | null>(null);
  // Updated at every change of the selection, before the (once a frame) state follows.
  const kept = useRef<PaneSelection | null>(null);
  const panesRef = useRef(panes);
  panesRef.current = panes;

  /** The selection as it stands now in the page, or null when nothing in a pane is selected. */
  const read = useCallback((): PaneSelection | null => {
    const live = document.getSelection();
    if (!live || live.isCollapsed || live.rangeCount === 0 || live.toString().trim() === '') return null;
    for (const pane of panesRef.current) {
      const scroller = scrollers.current.get(pane.key);
      if (!scroller || pane.docId === null) continue;
      const offsets = selectionOffsets(scroller, live);
      if (offsets) return { paneKey: pane.key, docId: pane.docId, ...offsets, ...placeOf(scroller, live.getRangeAt(0)) };
    }
    return null;
  }, [scrollers]);

  useEffect(() => {
    let frame = 0;
    const update = () => {
      const next = read();
      if (next) kept.current = next;
      else if (!document.activeElement?.closest('[role="dialog"]')) kept.current = null;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setSelection(kept.current));
    };
    // A shortcut that opens the palette moves the focus, which clears the page's selection; "selectionchange" is queued
    // and may arrive only after that. Reading the selection as the key goes down keeps it whatever the order.
    const remember = () => {
      const next = read();
      if (next) kept.current = next;
    };
    document.addEventListener('selectionchange', update);
    document.addEventListener('keydown', remember, true);
    window.addEventListener('resize', update);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', update);
      document.removeEventListener('keydown', remember, true);
      window.removeEventListener('resize', update);
    };
  }, [read]);

  /** The selection now, or the one kept while a dialog has the focus. */
  const current = useCallback(() => read() ?? kept.current, [read]);
  /** Forgets the selection and clears it from the page. */
  const clear = useCallback(() => {
    kept.current = null;
    document.getSelection()?.removeAllRanges();
    setSelection(null);
  }, []);

  return useMemo(() => ({ selection, current, clear }), [selection, current, clear]);
}
