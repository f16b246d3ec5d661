/**
 * Readers still rendering a long text, found from the DOM: what scrolls to an offset (search hits, notes, shared
 * passages, a selection's matches) asks the reader holding it to render that far first, and acts once it has.
 */

/** A reader whose text is rendered only up to some offset for now. */
export interface PartialText {
  /** The reading-text offset where the rendered text ends for now. */
  renderedTo(): number;
  /** Renders at least through `offset`, then calls `then` (after the DOM has it, before the frame is painted). */
  renderThrough(offset: number, then?: () => void): void;
}

/** Partial readers by their `.reader-text` element; a reader that has rendered everything is not here. */
const partial = new WeakMap<Element, PartialText>();

/** Lists a reader's text element as partly rendered (or, with null, as complete). */
export function setPartialText(element: Element, text: PartialText | null): void {
  if (text) partial.set(element, text);
  else partial.delete(element);
}

/** The partly rendered reader text inside (or at) `root`, if any. */
function partialTextIn(root: Element): PartialText | undefined {
  const element = root.matches('.reader-text') ? root : root.querySelector('.reader-text');
  return element ? partial.get(element) : undefined;
}

/** Whether the text at `offset` is on the page inside `root` (a reader still rendering may not have reached it yet). */
export function isRendered(root: Element, offset: number): boolean {
  const text = partialTextIn(root);
  return !text || offset < text.renderedTo();
}

/**
 * Runs `then` once the text at `offset` is on the page inside `root`: at once when it is, else after asking the reader
 * holding it to render that far (before that frame is painted).
 */
export function whenRendered(root: Element, offset: number, then: () => void): void {
  const text = partialTextIn(root);
  if (!text || offset < text.renderedTo()) then();
  else text.renderThrough(offset, then);
}
