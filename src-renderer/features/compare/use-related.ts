import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { RelatedPassage } from '../../../src-main/contract/reader';
import type { AppError } from '../../../src-main/contract/result';
import { api } from '../../api/client';
import { selectionOffsets } from '../reader/text-offsets';
import type { Pane } from './use-workspace';

/** How long a selection must rest before it is looked up. */
const SETTLE_MS = 300;
/** Selections longer than this are not looked up (a whole article is not a passage). */
const LONGEST = 3000;

/** The selection being matched: which pane and document, its offsets and its words. */
export interface RelatedSource {
  paneKey: number;
  docId: string;
  start: number;
  end: number;
  text: string;
}

/** The matches of the current selection in the other panes' documents. */
export interface RelatedState {
  source: RelatedSource | null;
  byDoc: ReadonlyMap<string, RelatedPassage[]>;
  error: AppError | null;
  searching: boolean;
  /** Increases with every answer, so views can scroll to fresh matches. */
  seq: number;
}

const EMPTY: RelatedState = { source: null, byDoc: new Map(), error: null, searching: false, seq: 0 };

/** Watches the text selection in the panes and finds its passage in every other pane's document. */
export function useRelated(panes: readonly Pane[], scrollers: RefObject<Map<number, HTMLElement>>) {
  const [state, setState] = useState<RelatedState>(EMPTY);
  const panesRef = useRef(panes);
  panesRef.current = panes;
  const lastKey = useRef('');

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onChange = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void lookUp(), SETTLE_MS);
    };
    const lookUp = async () => {
      const selection = document.getSelection();
      if (!selection || selection.isCollapsed) return;
      for (const pane of panesRef.current) {
        const scroller = scrollers.current.get(pane.key);
        if (!scroller || pane.docId === null) continue;
        const offsets = selectionOffsets(scroller, selection);
        if (!offsets || offsets.end - offsets.start > LONGEST) continue;
        const key = `${pane.key}:${offsets.start}:${offsets.end}`;
        if (key === lastKey.current) return;
        lastKey.current = key;
        const source: RelatedSource = { paneKey: pane.key, docId: pane.docId, ...offsets, text: selection.toString().trim() };
        const within = [...new Set(panesRef.current.map((other) => other.docId))].filter((id): id is string => id !== null && id !== source.docId);
        if (within.length === 0) return setState((current) => ({ ...EMPTY, source, seq: current.seq + 1 }));
        setState((current) => ({ ...current, source, searching: true, error: null }));
        const answer = await api().findRelatedPassages({ doc: source.docId, start: source.start, end: source.end, within, limit: 40 });
        if (lastKey.current !== key) return;
        const byDoc = new Map<string, RelatedPassage[]>();
        if (answer.ok) for (const passage of answer.value) byDoc.set(passage.docId, [...(byDoc.get(passage.docId) ?? []), passage]);
        setState((current) => ({ source, byDoc, error: answer.ok ? null : answer.error, searching: false, seq: current.seq + 1 }));
        return;
      }
    };
    document.addEventListener('selectionchange', onChange);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('selectionchange', onChange);
    };
  }, [scrollers]);

  const clear = useCallback(() => {
    lastKey.current = '';
    setState((current) => ({ ...EMPTY, seq: current.seq + 1 }));
  }, []);

  return { related: state, clearRelated: clear };
}
