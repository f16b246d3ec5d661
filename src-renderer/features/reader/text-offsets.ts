/**
 * Between the DOM and the reading text: every rendered run carries `data-at`, its offset in the reading text, so a
 * selection maps to offsets and an offset maps back to a place on screen. A long text is rendered a chunk at a time:
 * an offset not rendered yet has no place until its reader has rendered that far (see render-requests.ts).
 */
import { isRendered, whenRendered } from './render-requests';

/** The rendered runs of a reader, in text order. */
function runsOf(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('[data-at]')];
}

/** The reading-text offset where a run starts. */
function startOf(run: HTMLElement): number {
  return Number(run.dataset.at);
}

/** The reading-text offset of a DOM boundary point; points outside runs snap to the next run (or the text's end). */
export function offsetOfPoint(root: HTMLElement, node: Node, offset: number): number | null {
  if (!root.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const run = node.parentElement?.closest<HTMLElement>('[data-at]');
    if (run && root.contains(run)) return startOf(run) + offset;
  }
  const runs = runsOf(root);
  if (runs.length === 0) return null;
  const point = document.createRange();
  point.setStart(node, offset);
  const next = runs.find((run) => point.comparePoint(run, 0) >= 0);
  if (next) return startOf(next);
  const last = runs.at(-1)!;
  return startOf(last) + (last.textContent ?? '').length;
}

/** The [start, end) offsets a selection covers inside a reader, or null when it lies elsewhere or is empty. */
export function selectionOffsets(root: HTMLElement, selection: Selection): { start: number; end: number } | null {
  if (selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const start = offsetOfPoint(root, range.startContainer, range.startOffset);
  const end = offsetOfPoint(root, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

/** The run holding an offset (the last one starting at or before it). */
function runAt(root: HTMLElement, offset: number): HTMLElement | null {
  const runs = runsOf(root);
  let low = 0;
  let high = runs.length - 1;
  let found: HTMLElement | null = null;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const run = runs[middle]!;
    if (startOf(run) <= offset) {
      found = run;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/**
 * Where an offset's character sits, in the scroller's content coordinates (px from the top of its content); null when
 * it is not on the page, e.g. not rendered yet. Only measures: it never makes a reader render more.
 */
export function contentTopOf(scroller: HTMLElement, offset: number): number | null {
  if (!isRendered(scroller, offset)) return null;
  const run = runAt(scroller, offset);
  const text = run?.firstChild;
  if (!run || !text) return null;
  let rectangle: DOMRect;
  if (text.nodeType === Node.TEXT_NODE) {
    const length = (text.textContent ?? '').length;
    const at = Math.max(0, Math.min(length - 1, offset - startOf(run)));
    const range = document.createRange();
    range.setStart(text, at);
    range.setEnd(text, Math.min(length, at + 1));
    rectangle = range.getBoundingClientRect();
  } else rectangle = run.getBoundingClientRect();
  return rectangle.top - scroller.getBoundingClientRect().top + scroller.scrollTop;
}

/**
 * Scrolls a reader so an offset stands at `fraction` of its height from the top (a third by default); an offset not
 * rendered yet is scrolled to as soon as its reader has rendered it. False when the offset has no place at all.
 */
export function scrollToOffset(scroller: HTMLElement, offset: number, fraction = 0.3, behavior: ScrollBehavior = 'auto'): boolean {
  if (!isRendered(scroller, offset)) {
    whenRendered(scroller, offset, () => scrollToOffset(scroller, offset, fraction, behavior));
    return true;
  }
  const top = contentTopOf(scroller, offset);
  if (top === null) return false;
  scroller.scrollTo({ top: Math.max(0, top - scroller.clientHeight * fraction), behavior });
  return true;
}
