import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { DocumentSummary } from '../../../src-main/contract/library';
import type { ReaderView } from '../../../src-main/contract/reader';
import { documentName } from '../../components/document-label';
import { ErrorNote } from '../../components/ErrorNote';
import type { MarginOf, Mark } from './marks';
import { continues } from './progressive';
import { ReaderHeader } from './ReaderHeader';
import { ReaderText } from './ReaderText';
import { scrollToOffset } from './text-offsets';
import { useReaderView } from './use-reader-view';
import './reader.css';

/** The most documents the pane's chooser lists; others are opened from the library or search. */
const CHOOSER_LIMIT = 2000;

/** A place in the text to bring into view once the document has loaded; `seq` makes a repeat request new. */
export interface ScrollTarget {
  start: number;
  seq: number;
}

/** What one reader pane shows and reports. */
export interface ReaderPaneProps {
  /** 1-based position among the panes, for labels. */
  number: number;
  docId: string | null;
  documents: readonly DocumentSummary[];
  summaries: ReadonlyMap<string, DocumentSummary>;
  marks: readonly Mark[];
  /** What to note in the margin beside each paragraph (e.g. what only this source has); none when omitted. */
  margin?: MarginOf | undefined;
  showHidden: boolean;
  onToggleHidden(): void;
  active: boolean;
  onActivate(): void;
  onChoose(id: string): void;
  onClose(): void;
  scrollerRef(element: HTMLElement | null): void;
  onScroll(): void;
  target: ScrollTarget | null;
  /** A line about this pane's matches for the selection in another pane. */
  status: string | null;
  /** Something floating over the text, placed in the scroller's content coordinates (the selection's actions). */
  overlay?: ReactNode;
}

/** One reader: a chooser for any document, its header, and its text with every mark. */
export function ReaderPane(props: ReaderPaneProps) {
  const { docId, number } = props;
  const result = useReaderView(docId);
  const scroller = useRef<HTMLElement | null>(null);
  const view = result?.ok ? result.value : null;
  // The chooser's options are built when the reporter reaches for it, so opening a pane stays quick in a big library.
  const [choosing, setChoosing] = useState(docId === null);
  const choices = !choosing ? [] : props.documents.length > CHOOSER_LIMIT ? props.documents.slice(0, CHOOSER_LIMIT) : props.documents;
  const current = docId ? props.summaries.get(docId) : undefined;

  // A pane opened as the current one takes the keyboard, so arrows and Page Down scroll it at once.
  useEffect(() => {
    if (props.active) scroller.current?.focus({ preventScroll: true });
    // Only when the pane first appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Scroll once per load and per new target, not on every mark change. The whole view taking over from the partial
  // one of its opening is the same load; a place beyond the opening is scrolled to once the whole view has come.
  const scrolled = useRef<{ view: ReaderView; seq: number } | null>(null);
  useEffect(() => {
    const target = props.target;
    if (!view || !target || !scroller.current) return;
    if (!view.complete && target.start >= view.text.length) return;
    const last = scrolled.current;
    scrolled.current = { view, seq: target.seq };
    if (last && last.seq === target.seq && (last.view === view || continues(last.view, view))) return;
    scrollToOffset(scroller.current, target.start);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view, props.target?.seq]);

  return (
    <section
      className={`reader-pane${props.active ? ' active' : ''}`}
      aria-label={`Pane ${number}${current ? `: ${documentName(current)}` : ''}`}
      onFocusCapture={props.onActivate}
      onMouseDown={props.onActivate}
      data-pane={number}
    >
      <div className="pane-bar">
        <label className="pane-chooser">
          <span className="visually-hidden">Document in pane {number}</span>
          <select
            value={docId ?? ''}
            onChange={(event) => event.target.value && props.onChoose(event.target.value)}
            onFocus={() => setChoosing(true)}
            onPointerEnter={() => setChoosing(true)}
            onMouseDown={() => setChoosing(true)}
          >
            {docId === null ? <option value="">Choose a document…</option> : null}
            {current && !choices.includes(current) ? <option value={current.id}>{documentName(current)}</option> : null}
            {choices.map((document) => (
              <option key={document.id} value={document.id}>
                {documentName(document)}
                {document.outlet ? ` — ${document.outlet}` : ''}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="icon-button" onClick={props.onClose} aria-label={`Close pane ${number}`} title="Close this pane (Alt+W)">
          ×
        </button>
      </div>
      {props.status ? (
        <p className="pane-status" role="status">
          {props.status}
        </p>
      ) : null}
      <article
        className="reader-scroller"
        tabIndex={0}
        aria-label={current ? `Text of ${documentName(current)}` : `Pane ${number}`}
        ref={(element) => {
          scroller.current = element;
          props.scrollerRef(element);
        }}
        onScroll={props.onScroll}
      >
        {docId === null ? (
          <p className="empty-state">Choose a document for this pane above, or open one from the library or a search.</p>
        ) : result === null ? (
          <p className="empty-state">Opening…</p>
        ) : !result.ok ? (
          <ErrorNote error={result.error} />
        ) : (
          <div className="reader-column">
            <ReaderHeader details={result.value.document} summary={current} hidden={result.value.hidden} showHidden={props.showHidden} onToggleHidden={props.onToggleHidden} />
            <ReaderText view={result.value} marks={props.marks} showHidden={props.showHidden} margin={props.margin} through={props.target?.start ?? null} />
          </div>
        )}
        {props.overlay}
      </article>
    </section>
  );
}
