import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentSummary } from '../../../src-main/contract/library';
import type { ReaderControls } from '../../commands/command';
import type { MarginOf } from '../reader/marks';
import { ReaderPane } from '../reader/ReaderPane';
import { scrollToOffset } from '../reader/text-offsets';
import { useDocQuotes } from '../reader/use-doc-quotes';
import { NoteHoverCard } from '../notebook/NoteHoverCard';
import { SelectionActions } from '../notebook/SelectionActions';
import { noteMarks, notePreviews, useDocNotes } from '../notebook/use-doc-notes';
import type { Notebook } from '../notebook/use-notebook';
import { usePaneSelection } from '../notebook/use-pane-selection';
import { marksForPane, relatedStatus } from './pane-marks';
import { ReadingToolbar } from './ReadingToolbar';
import { useRelated } from './use-related';
import { useSharedNavigation } from './use-shared-navigation';
import { useSharedPassages } from './use-shared-passages';
import { useTargetSettling } from './use-target-settling';
import { uniqueMargin } from './unique-ranges';
import { MAX_PANES, type Workspace } from './use-workspace';
import './compare.css';

/** What the reading view needs from the app. */
export interface ReadingViewProps {
  workspace: Workspace;
  documents: readonly DocumentSummary[];
  summaries: ReadonlyMap<string, DocumentSummary>;
  registerControls(controls: ReaderControls | null): void;
  /** The notebook: selected passages become notes, noted passages are highlighted and open their note. */
  notebook: Notebook;
}

/** One to four readers side by side: selection matching, shared passages tinted, what only one has in the margin, stepping and synced scrolling. */
export function ReadingView({ workspace, documents, summaries, registerControls, notebook }: ReadingViewProps) {
  const { panes, active } = workspace.state;
  const scrollers = useRef(new Map<number, HTMLElement>());
  const [showHidden, setShowHidden] = useState(false);
  const [sync, setSync] = useState(true);
  const [showQuotes, setShowQuotes] = useState(true);
  const docIds = useMemo(() => panes.map((pane) => pane.docId).filter((id): id is string => id !== null), [panes]);
  const shared = useSharedPassages(docIds);
  const quotes = useDocQuotes(docIds);
  const { related, clearRelated } = useRelated(panes, scrollers);
  const navigation = useSharedNavigation(panes, active, shared.passages, scrollers, sync);
  const settled = useTargetSettling(panes);
  const notes = useDocNotes(docIds, notebook.state.version);
  const previews = useMemo(() => notePreviews(notes), [notes]);
  const selection = usePaneSelection(panes, scrollers);
  const panesElement = useRef<HTMLDivElement>(null);

  const noteSelection = useCallback(
    (add: boolean) => {
      const target = selection.current();
      if (!target) return;
      selection.clear();
      const passage = { doc: target.docId, start: target.start, end: target.end };
      void (add ? notebook.addPassage(passage) : notebook.notePassage(passage));
    },
    [selection, notebook],
  );

  // Fresh matches for a selection: bring the best one into view in each other pane.
  useEffect(() => {
    if (!related.source) return;
    for (const pane of panes) {
      if (pane.key === related.source.paneKey || pane.docId === null) continue;
      const best = related.byDoc.get(pane.docId)?.[0];
      if (best) navigation.quiet(pane.key, (scroller) => scrollToOffset(scroller, best.start));
    }
    // Only a new answer moves the panes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [related.seq]);

  const marks = useMemo(
    () =>
      new Map(
        panes.map((pane) => [
          pane.key,
          [
            ...(showQuotes && pane.docId ? (quotes.get(pane.docId) ?? []) : []),
            ...(pane.docId ? noteMarks(notes.get(pane.docId) ?? []) : []),
            ...marksForPane(pane, { related, shared: navigation.rangesByPane.get(pane.key) ?? [], cursor: navigation.cursor, summaries }),
          ],
        ]),
      ),
    [panes, related, navigation.rangesByPane, navigation.cursor, summaries, quotes, showQuotes, notes],
  );

  // What only each pane's document has, once the passages shared with the other open documents are known.
  const margins = useMemo(() => {
    const distinct = new Set(docIds);
    const map = new Map<number, MarginOf>();
    if (distinct.size < 2 || shared.loading || shared.error) return map;
    for (const pane of panes) if (pane.docId !== null) map.set(pane.key, uniqueMargin(navigation.rangesByPane.get(pane.key) ?? []));
    return map;
  }, [docIds, panes, shared.loading, shared.error, navigation.rangesByPane]);

  const closePane = useCallback((index: number) => workspace.close(index), [workspace]);
  const clearAll = useCallback(() => {
    clearRelated();
    navigation.clearCursor();
    document.getSelection()?.removeAllRanges();
  }, [clearRelated, navigation]);

  useEffect(() => {
    registerControls({
      paneCount: panes.length,
      sharedCount: navigation.position.total,
      showHidden,
      syncScroll: sync,
      nextShared: navigation.next,
      previousShared: navigation.previous,
      toggleHidden: () => setShowHidden((value) => !value),
      toggleSync: () => setSync((value) => !value),
      toggleQuotes: () => setShowQuotes((value) => !value),
      addPane: workspace.add,
      closePane: () => closePane(active),
      nextPane: () => {
        const next = (active + 1) % Math.max(1, panes.length);
        workspace.activate(next);
        const pane = panes[next];
        if (pane) scrollers.current.get(pane.key)?.focus();
      },
      clearRelated: clearAll,
      hasSelection: () => selection.current() !== null,
      noteSelection: () => noteSelection(false),
      addSelectionToNote: () => noteSelection(true),
    });
  });
  useEffect(() => () => registerControls(null), [registerControls]);

  if (panes.length === 0) {
    return (
      <section className="reading-view" aria-label="Reader">
        <div className="reading-empty">
          <h1>Nothing open yet</h1>
          <p>Open a document from the library or a search result. To compare versions, check two to four documents in the library and choose “Compare side by side”.</p>
        </div>
      </section>
    );
  }

  return (
    <section className="reading-view" aria-label="Reader">
      <ReadingToolbar
        paneCount={panes.length}
        canAdd={panes.length < MAX_PANES}
        onAdd={workspace.add}
        shared={{ ...navigation.position, loading: shared.loading, error: shared.error }}
        onPrevious={navigation.previous}
        onNext={navigation.next}
        sync={sync}
        onSync={setSync}
        showHidden={showHidden}
        onShowHidden={setShowHidden}
        showQuotes={showQuotes}
        onShowQuotes={setShowQuotes}
        related={related}
        onClearRelated={clearAll}
        hasNotes={previews.size > 0}
      />
      <div className={`panes panes-${panes.length}`} ref={panesElement}>
        {panes.map((pane, index) => (
          <ReaderPane
            key={pane.key}
            number={index + 1}
            docId={pane.docId}
            documents={documents}
            summaries={summaries}
            marks={marks.get(pane.key) ?? []}
            margin={margins.get(pane.key)}
            showHidden={showHidden}
            onToggleHidden={() => setShowHidden((value) => !value)}
            active={index === active}
            onActivate={() => workspace.activate(index)}
            onChoose={(id) => workspace.choose(index, id)}
            onClose={() => closePane(index)}
            scrollerRef={(element) => {
              if (element) scrollers.current.set(pane.key, element);
              else scrollers.current.delete(pane.key);
            }}
            onScroll={() => {
              if (settled(pane)) navigation.onScroll(pane.key);
            }}
            target={pane.target}
            status={relatedStatus(pane, related)}
            overlay={
              selection.selection?.paneKey === pane.key ? (
                <SelectionActions
                  top={selection.selection.top}
                  left={selection.selection.left}
                  canAdd={notebook.editing}
                  onNote={() => noteSelection(false)}
                  onAdd={() => noteSelection(true)}
                />
              ) : null
            }
          />
        ))}
      </div>
      <NoteHoverCard container={panesElement} previews={previews} onOpen={(id) => notebook.openNote(id)} />
    </section>
  );
}
