import { useCallback, useMemo, useRef, useState, type RefObject } from 'react';
import type { SharedPassage } from '../../../src-main/contract/reader';
import { contentTopOf, scrollToOffset } from '../reader/text-offsets';
import type { SharedCursor } from './pane-marks';
import { neighbourRange, sharedRangesOf, type SharedRange } from './shared-ranges';
import type { Pane } from './use-workspace';

/** Where, as a fraction of a pane's height, the passage being followed stands. */
const READING_LINE = 0.3;
/** How long a pane ignores its own scroll events after the workbench scrolled it. */
const QUIET_MS = 120;

/** Stepping through shared passages ([ and ]) and keeping panes aligned on them while one scrolls. */
export function useSharedNavigation(panes: readonly Pane[], active: number, passages: readonly SharedPassage[], scrollers: RefObject<Map<number, HTMLElement>>, sync: boolean) {
  const [cursor, setCursor] = useState<SharedCursor | null>(null);
  const quietUntil = useRef(new Map<number, number>());
  const frame = useRef(0);

  const rangesByPane = useMemo(() => {
    const map = new Map<number, SharedRange[]>();
    for (const pane of panes) {
      if (pane.docId === null) continue;
      const others = new Set(panes.map((other) => other.docId).filter((id): id is string => id !== null && id !== pane.docId));
      map.set(pane.key, sharedRangesOf(pane.docId, passages, others));
    }
    return map;
  }, [panes, passages]);

  /** Scrolls a pane by program, so its scroll event does not drive the others back. */
  const place = useCallback(
    (paneKey: number, move: (scroller: HTMLElement) => void) => {
      const scroller = scrollers.current.get(paneKey);
      if (!scroller) return;
      quietUntil.current.set(paneKey, performance.now() + QUIET_MS);
      move(scroller);
    },
    [scrollers],
  );

  /** Brings the partners of a range into view in every other pane that shows their document. */
  const alignPartners = useCallback(
    (fromKey: number, partners: SharedRange['partners']) => {
      for (const pane of panes) {
        if (pane.key === fromKey) continue;
        const partner = partners.find((candidate) => candidate.docId === pane.docId);
        if (partner) place(pane.key, (scroller) => scrollToOffset(scroller, partner.start, READING_LINE));
      }
    },
    [panes, place],
  );

  const step = useCallback(
    (direction: 1 | -1) => {
      const pane = panes[active];
      const scroller = pane ? scrollers.current.get(pane.key) : undefined;
      const ranges = pane ? (rangesByPane.get(pane.key) ?? []) : [];
      if (!pane || !scroller || ranges.length === 0) return;
      let target: SharedRange | null;
      if (cursor?.paneKey === pane.key) target = neighbourRange(ranges, cursor.start, direction);
      else {
        // No passage chosen in this pane yet: step from what is on screen (a passage not rendered yet lies below it).
        const line = scroller.scrollTop + 1;
        const below = ranges.filter((range) => (contentTopOf(scroller, range.start) ?? Number.POSITIVE_INFINITY) > line);
        target = direction === 1 ? (below[0] ?? null) : (ranges.filter((range) => !below.includes(range)).at(-1) ?? null);
      }
      if (!target) return;
      setCursor({ paneKey: pane.key, start: target.start, end: target.end, partners: target.partners });
      place(pane.key, (element) => scrollToOffset(element, target.start, READING_LINE));
      alignPartners(pane.key, target.partners);
    },
    [active, alignPartners, cursor, panes, place, rangesByPane, scrollers],
  );

  /** Follows one pane's scrolling in the others, aligning the shared passage at its reading line. */
  const onScroll = useCallback(
    (paneKey: number) => {
      if (!sync || performance.now() < (quietUntil.current.get(paneKey) ?? 0)) return;
      cancelAnimationFrame(frame.current);
      frame.current = requestAnimationFrame(() => {
        const scroller = scrollers.current.get(paneKey);
        const ranges = rangesByPane.get(paneKey) ?? [];
        if (!scroller || ranges.length === 0) return;
        const line = scroller.scrollTop + scroller.clientHeight * READING_LINE;
        const tops = new Map<SharedRange, number | null>();
        const topOf = (range: SharedRange) => {
          if (!tops.has(range)) tops.set(range, contentTopOf(scroller, range.start));
          return tops.get(range) ?? null;
        };
        for (const pane of panes) {
          const other = scrollers.current.get(pane.key);
          if (pane.key === paneKey || pane.docId === null || !other) continue;
          // Each other pane follows the nearest passage it shares with this one, at or above the reading line.
          let anchor: { range: SharedRange; top: number } | null = null;
          for (const range of ranges) {
            if (!range.partners.some((partner) => partner.docId === pane.docId)) continue;
            const top = topOf(range);
            if (top === null) continue;
            if (top <= line || anchor === null) anchor = { range, top };
            if (top > line) break;
          }
          if (!anchor) continue;
          const partner = anchor.range.partners.find((candidate) => candidate.docId === pane.docId)!;
          const partnerTop = contentTopOf(other, partner.start);
          if (partnerTop === null) continue;
          const top = Math.max(0, partnerTop - (anchor.top - scroller.scrollTop));
          if (Math.abs(other.scrollTop - top) > 1) place(pane.key, (element) => (element.scrollTop = top));
        }
      });
    },
    [panes, place, rangesByPane, scrollers, sync],
  );

  const activeRanges = rangesByPane.get(panes[active]?.key ?? -1) ?? [];
  const position = cursor && cursor.paneKey === panes[active]?.key ? activeRanges.findIndex((range) => range.start === cursor.start) + 1 : 0;

  return {
    rangesByPane,
    cursor,
    clearCursor: () => setCursor(null),
    next: () => step(1),
    previous: () => step(-1),
    onScroll,
    /** Which passage of the active pane is current (1-based; 0 for none) and how many it has. */
    position: { index: position, total: activeRanges.length },
    quiet: place,
  };
}
