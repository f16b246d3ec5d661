import { useMemo, useState } from 'react';
import type { DocumentSummary } from '../../../src-main/contract/library';
import { plural } from '../../components/document-label';
import { ErrorNote } from '../../components/ErrorNote';
import type { Passage } from '../compare/use-workspace';
import type { StorySummary } from '../library/use-documents';
import { filterBySpeaker, ledgerEntries, type LedgerEntry, type LedgerSource } from './ledger-entries';
import { QuoteLedger, type Grouping } from './QuoteLedger';
import { useQuoteLedger } from './use-quote-ledger';
import { VerifyQuote } from './VerifyQuote';
import './quotes.css';
import './quote-sources.css';

/** What the quotes view needs from the app. */
export interface QuotesViewProps {
  /** Whether the view is showing (it fetches only then). */
  active: boolean;
  documents: readonly DocumentSummary[];
  summaries: ReadonlyMap<string, DocumentSummary>;
  stories: readonly StorySummary[];
  /** Opens passages in the reader, side by side, each outlined and scrolled into view. */
  onOpenPassages(passages: Passage[], note: string): void;
  /** Starts a note on passages (the quote in each of its sources) with a first line of body. */
  onNotePassages(passages: Passage[], body: string): void;
}

/** The quote ledger (who said what, where, and whether the words changed) beside the "Verify a quote" box. */
export function QuotesView({ active, documents, summaries, stories, onOpenPassages, onNotePassages }: QuotesViewProps) {
  const [story, setStory] = useState('');
  const [speaker, setSpeaker] = useState('');
  const [grouping, setGrouping] = useState<Grouping>('cluster');
  const ledger = useQuoteLedger(story, active, documents);
  const entries = useMemo(() => ledgerEntries(ledger.quotes, ledger.clusters, summaries), [ledger.quotes, ledger.clusters, summaries]);
  const shown = useMemo(() => filterBySpeaker(entries, speaker), [entries, speaker]);

  const openEntry = (entry: LedgerEntry) => {
    // One pane per document, each at its own version of the quote.
    const byDoc = new Map<string, Passage>();
    for (const source of entry.sources) if (!byDoc.has(source.docId)) byDoc.set(source.docId, passageOf(source));
    onOpenPassages([...byDoc.values()], `Quote from the ledger: ${entry.speaker ?? 'speaker not identified'}`);
  };
  const noteEntry = (entry: LedgerEntry) => {
    const passages = entry.sources.filter((source) => source.start !== null && source.end !== null && source.end > source.start).map(passageOf);
    const speaker = entry.speaker ?? 'an unidentified speaker';
    onNotePassages(passages.slice(0, 100), `Quote of ${speaker}, in ${passages.length === 1 ? '1 source' : `${passages.length} sources`}\n\n`);
  };
  const openSource = (source: LedgerSource) => onOpenPassages([passageOf(source)], `Quote from the ledger: ${source.speaker ?? 'speaker not identified'}`);

  return (
    <section className="quotes-view" aria-labelledby="quotes-heading">
      <div className="ledger-column">
        <header className="view-header">
          <div className="view-title">
            <h1 id="quotes-heading">Quotes</h1>
            <p className="quiet" role="status">
              {summary(entries, ledger.loading)}
            </p>
          </div>
        </header>
        <div className="quote-filters" role="group" aria-label="Filter and group the quotes">
          <label>
            <span>Story</span>
            <select value={story} onChange={(event) => setStory(event.target.value)}>
              <option value="">All stories</option>
              {stories.map((item) => (
                <option key={item.name} value={item.name}>
                  {item.name} ({plural(item.documents, 'document')})
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>Speaker</span>
            <input type="search" value={speaker} placeholder="Any speaker" onChange={(event) => setSpeaker(event.target.value)} />
          </label>
          <div className="grouping" role="group" aria-label="Group quotes">
            <span>Group</span>
            <div className="segmented">
              <button type="button" aria-pressed={grouping === 'cluster'} onClick={() => setGrouping('cluster')} title="Each quote once, with every source that carries it">
                Same quote across sources
              </button>
              <button type="button" aria-pressed={grouping === 'speaker'} onClick={() => setGrouping('speaker')} title="Every quote under the person credited">
                By speaker
              </button>
            </div>
          </div>
        </div>
        {ledger.error ? (
          <div className="ledger-error">
            <ErrorNote error={ledger.error} />
            <button type="button" onClick={ledger.retry}>
              Try again
            </button>
          </div>
        ) : null}
        {!ledger.loading && !ledger.error && shown.length === 0 ? (
          <p className="empty-state">{entries.length === 0 ? 'No quotes found in these documents.' : `No quote is credited to a speaker matching “${speaker.trim()}”.`}</p>
        ) : null}
        {shown.length > 0 ? (
          <>
            <p className="ledger-hint quiet">Click a quote to open its sources side by side at the quote; ▸ shows how each source words it and whom it credits.</p>
            <QuoteLedger entries={shown} grouping={grouping} summaries={summaries} onOpen={openEntry} onOpenSource={openSource} onNote={noteEntry} />
          </>
        ) : null}
      </div>
      <aside className="verify-column">
        <VerifyQuote story={story} summaries={summaries} onOpen={(passages) => onOpenPassages(passages, 'The quote you verified')} />
      </aside>
    </section>
  );
}

/** A ledger source as a passage to open; a source whose offsets are unknown opens at its top. */
function passageOf(source: LedgerSource): Passage {
  return { docId: source.docId, start: source.start ?? 0, end: source.end ?? 0 };
}

/** The status line under the title. */
function summary(entries: readonly LedgerEntry[], loading: boolean): string {
  if (loading && entries.length === 0) return 'Reading the quotes…';
  const speakers = new Set(entries.map((entry) => entry.speaker?.toLowerCase() ?? null).filter((name) => name !== null)).size;
  const repeated = entries.filter((entry) => entry.sourceCount > 1).length;
  return `${plural(entries.length, 'quote')} from ${plural(speakers, 'speaker')} · ${plural(repeated, 'quote')} in more than one source`;
}
