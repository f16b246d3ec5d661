import { useCallback, useEffect, useRef } from 'react';
import type { Pane } from './use-workspace';

/** The longest sync scroll waits for panes to reach the passages they were opened at (a target already on screen never scrolls). */
const SETTLE_MS = 2500;

/**
 * Keeps sync scroll from pulling panes away from the passages they were opened at (a claim, a quote, a search hit):
 * a pane's first scroll after it gets a target is its own jump there, and no pane's scrolling drives the others until
 * every such pane has made its jump, or a moment has passed. Returns whether a pane's scroll may drive the others.
 */
export function useTargetSettling(panes: readonly Pane[]): (pane: Pane) => boolean {
  const arrived = useRef(new Map<number, number>());
  const openedAt = useRef(0);

  useEffect(() => {
    openedAt.current = performance.now();
  }, [panes]);

  return useCallback(
    (pane: Pane) => {
      if (pane.target && arrived.current.get(pane.key) !== pane.target.seq) {
        arrived.current.set(pane.key, pane.target.seq);
        return false;
      }
      const waiting = panes.some((other) => other.docId !== null && other.target !== null && arrived.current.get(other.key) !== other.target.seq);
      return !waiting || performance.now() - openedAt.current > SETTLE_MS;
    },
    [panes],
  );
}
