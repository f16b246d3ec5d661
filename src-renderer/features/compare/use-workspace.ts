import { useCallback, useMemo, useState } from 'react';
import type { Mark, MarkKind } from '../reader/marks';
import type { ScrollTarget } from '../reader/ReaderPane';

/** The most panes side by side. */
export const MAX_PANES = 4;

/** One reader pane: which document, which search hits to mark, where to scroll. */
export interface Pane {
  key: number;
  docId: string | null;
  hits: Mark[];
  target: ScrollTarget | null;
}

/** The reading area: its panes and the one keyboard commands act on. */
export interface WorkspaceState {
  panes: Pane[];
  active: number;
}

/** Options for opening one document. */
export interface OpenOptions {
  /** Add a pane instead of replacing the current one. */
  beside?: boolean;
  /** Search hits to mark; the first is scrolled into view. */
  hits?: { start: number; end: number }[];
}

/** A span of one document to open and bring into view (a quote, a verification result). */
export interface Passage {
  docId: string;
  start: number;
  end: number;
}

let nextKey = 1;
let nextSeq = 1;

/** A new pane for a document, scrolled to its first hit if any (hits are search hits unless said otherwise). */
function makePane(docId: string | null, hits: { start: number; end: number }[] = [], kind: MarkKind = 'hit', note = 'Search hit', flash = false): Pane {
  const first = hits[0];
  const seq = nextSeq++;
  return {
    key: nextKey++,
    docId,
    hits: hits.map((hit) => ({ ...hit, kind, note, ...(flash ? { flash: seq } : {}) })),
    target: first ? { start: first.start, seq } : null,
  };
}

/** The panes of the reading area and the ways to change them; lives at the app's top so panes survive view changes. */
export function useWorkspace() {
  const [state, setState] = useState<WorkspaceState>({ panes: [], active: 0 });

  const openDocuments = useCallback((ids: string[]) => {
    setState({ panes: ids.slice(0, MAX_PANES).map((id) => makePane(id)), active: 0 });
  }, []);

  /** Opens passages side by side (one pane each, up to four), each outlined and scrolled into view. */
  const openPassages = useCallback((passages: readonly Passage[], note: string) => {
    const panes = passages.slice(0, MAX_PANES).map((passage) => makePane(passage.docId, [passage], 'current', note));
    setState({ panes, active: 0 });
  }, []);

  /**
   * Brings one passage into view, outlined and flashed once: in the pane already showing its document (the other
   * panes stay as they are), or else in the current pane.
   */
  const showPassage = useCallback((passage: Passage, note: string) => {
    setState((current) => {
      const fresh = makePane(passage.docId, [passage], 'current', note, true);
      const existing = current.panes.findIndex((pane) => pane.docId === passage.docId);
      if (current.panes.length === 0) return { panes: [fresh], active: 0 };
      const index = existing >= 0 ? existing : Math.min(current.active, current.panes.length - 1);
      // A pane already showing the document keeps its key (and its scroll position until the new target is reached).
      const pane = existing >= 0 ? { ...current.panes[index]!, hits: fresh.hits, target: fresh.target } : fresh;
      return { panes: current.panes.map((other, position) => (position === index ? pane : other)), active: index };
    });
  }, []);

  const openDocument = useCallback((id: string, options: OpenOptions = {}) => {
    setState((current) => {
      const pane = makePane(id, options.hits);
      if (current.panes.length === 0) return { panes: [pane], active: 0 };
      if (options.beside && current.panes.length < MAX_PANES) return { panes: [...current.panes, pane], active: current.panes.length };
      const index = Math.min(current.active, current.panes.length - 1);
      return { panes: current.panes.map((existing, position) => (position === index ? pane : existing)), active: index };
    });
  }, []);

  const choose = useCallback((index: number, id: string) => {
    setState((current) => ({ panes: current.panes.map((pane, position) => (position === index ? makePane(id) : pane)), active: index }));
  }, []);

  const close = useCallback((index: number) => {
    setState((current) => {
      const panes = current.panes.filter((_, position) => position !== index);
      return { panes, active: Math.max(0, Math.min(current.active > index ? current.active - 1 : current.active, panes.length - 1)) };
    });
  }, []);

  const add = useCallback(() => {
    setState((current) =>
      current.panes.length >= MAX_PANES ? current : { panes: [...current.panes, makePane(null)], active: current.panes.length },
    );
  }, []);

  const activate = useCallback((index: number) => {
    setState((current) => (current.active === index ? current : { ...current, active: index }));
  }, []);

  return useMemo(
    () => ({ state, openDocuments, openPassages, showPassage, openDocument, choose, close, add, activate }),
    [state, openDocuments, openPassages, showPassage, openDocument, choose, close, add, activate],
  );
}

/** The workspace and its actions, as the reading view receives them. */
export type Workspace = ReturnType<typeof useWorkspace>;
