import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ReaderView } from '../../../src-main/contract/reader';
import { CHUNK_CHARACTERS, continues, firstCount, neededFor, nextChunkSize, nextCount } from './progressive';
import { setPartialText } from './render-requests';

/** How far a reader has rendered its text, and the element that shows it. */
export interface ProgressiveCount {
  /** How many paragraphs to render now. */
  count: number;
  /** Whether every paragraph of the whole text is rendered (never while the view is the partial one of its opening). */
  complete: boolean;
  /** For the element holding the paragraphs (`.reader-text`): scrolling code finds the reader through it. */
  ref(element: HTMLElement | null): void;
}

/** A request to run something once the text through an offset is on the page. */
interface Waiting {
  offset: number;
  then(): void;
}

/**
 * Renders a text's paragraphs progressively: the first screen (or through `through`, a place to scroll to) at once,
 * then a chunk each frame until all are on the page, so a long article shows its opening at once and is whole within
 * a second or so. Scrolling code that needs a place not rendered yet asks for it through render-requests.ts.
 * A partial view (the opening of a long text) is never complete: a place beyond it waits for the whole view, which
 * continues from what is rendered (same paragraphs, same requests waiting) instead of starting again.
 */
export function useProgressiveCount(view: ReaderView, through: number | null): ProgressiveCount {
  const { paragraphs } = view;
  // `text` changes when another text (not the same one taken further) comes: requests made of the old one are dropped.
  const [state, setState] = useState(() => ({ view, count: firstCount(paragraphs, through), text: 0 }));
  const waiting = useRef<Waiting[]>([]);
  let count = state.count;
  if (state.view !== view) {
    // The whole view after its opening keeps what is rendered, and renders at once the places waited for beyond it;
    // another text starts again from its first screen.
    const same = continues(state.view, view);
    count = same
      ? Math.max(state.count, firstCount(paragraphs, through), ...waiting.current.map((request) => neededFor(paragraphs, request.offset)))
      : firstCount(paragraphs, through);
    setState({ view, count, text: same ? state.text : state.text + 1 });
  }
  count = Math.min(paragraphs.length, Math.max(count, neededFor(paragraphs, through)));
  const rendered = count >= paragraphs.length;
  const complete = rendered && view.complete;
  const element = useRef<HTMLElement | null>(null);
  const renderedTo = useRef(0);

  // The next chunk, a frame after this one was committed (so each frame lays out one chunk), sized by how long the
  // last one took.
  const chunk = useRef({ characters: CHUNK_CHARACTERS, frameTime: 0 });
  useEffect(() => {
    if (rendered) {
      chunk.current = { characters: CHUNK_CHARACTERS, frameTime: 0 };
      return;
    }
    const frame = requestAnimationFrame((time) => {
      const last = chunk.current;
      chunk.current = { characters: nextChunkSize(last.characters, last.frameTime ? time - last.frameTime : 0), frameTime: time };
      const characters = chunk.current.characters;
      setState((current) => (current.view === view ? { ...current, count: Math.max(current.count, nextCount(view.paragraphs, count, characters)) } : current));
    });
    return () => cancelAnimationFrame(frame);
  }, [view, count, rendered]);

  const renderThrough = useCallback(
    (offset: number, then?: () => void) => {
      if (then) waiting.current.push({ offset, then });
      // Always a new state, so the layout effect below runs the waiting requests even when nothing more is needed.
      setState((current) => ({ ...current, count: Math.max(current.count, neededFor(current.view.paragraphs, offset)) }));
    },
    [],
  );

  // Requests made of another text are dropped with it: their offsets mean nothing in this one. The whole view
  // continuing a partial one is the same text: a request for a place beyond the opening runs once it is rendered.
  useLayoutEffect(
    () => () => {
      waiting.current = [];
    },
    [state.text],
  );

  // After each commit, before paint: say how far the text goes, and run the requests it now satisfies.
  useLayoutEffect(() => {
    renderedTo.current = complete ? Number.POSITIVE_INFINITY : (paragraphs[count - 1]?.end ?? 0);
    if (element.current) setPartialText(element.current, complete ? null : { renderedTo: () => renderedTo.current, renderThrough });
    const ready = waiting.current.filter((request) => request.offset < renderedTo.current);
    if (ready.length === 0) return;
    waiting.current = waiting.current.filter((request) => !ready.includes(request));
    for (const request of ready) request.then();
  });

  const ref = useCallback((node: HTMLElement | null) => {
    if (element.current && element.current !== node) setPartialText(element.current, null);
    element.current = node;
  }, []);

  return { count, complete, ref };
}
