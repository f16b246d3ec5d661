import { useState } from 'react';
import type { DocumentSummary } from '../../../src-main/contract/library';
import { plural } from '../../components/document-label';
import { compareEntries, groupBySpeaker, type LedgerEntry, type LedgerSource } from './ledger-entries';
import { LedgerRow, SpeakerName } from './LedgerRow';

/** How the ledger groups its rows. */
export type Grouping = 'cluster' | 'speaker';

/** What the ledger table shows and reports. */
export interface QuoteLedgerProps {
  entries: readonly LedgerEntry[];
  grouping: Grouping;
  summaries: ReadonlyMap<string, DocumentSummary>;
  onOpen(entry: LedgerEntry): void;
  onOpenSource(source: LedgerSource): void;
  onNote(entry: LedgerEntry): void;
}

/** The ledger: one row per quote, either the quotes found in several sources or every quote under its speaker. */
export function QuoteLedger({ entries, grouping, summaries, onOpen, onOpenSource, onNote }: QuoteLedgerProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const row = (entry: LedgerEntry) => (
    <LedgerRow key={entry.key} entry={entry} summaries={summaries} expanded={expanded.has(entry.key)} onToggle={() => toggle(entry.key)} onOpen={onOpen} onOpenSource={onOpenSource} onNote={onNote} />
  );
  const clusters = entries.filter((entry) => entry.clustered).sort(compareEntries);
  const single = entries.length - clusters.length;

  return (
    <>
      <table className="quote-ledger" aria-label={grouping === 'cluster' ? 'Quotes across sources' : 'Quotes by speaker'}>
        <thead>
          <tr>
            <th scope="col" className="ledger-toggle">
              <span className="visually-hidden">Versions</span>
            </th>
            <th scope="col">Quote</th>
            <th scope="col" className="ledger-speaker">
              Speaker
            </th>
            <th scope="col" className="ledger-count">
              Sources
            </th>
            <th scope="col" className="ledger-first">
              First appeared
            </th>
          </tr>
        </thead>
        {grouping === 'cluster' ? (
          <tbody>{clusters.map(row)}</tbody>
        ) : (
          groupBySpeaker(entries).map((group) => (
            <tbody key={group.speaker ?? ''} className="speaker-group" aria-label={`${group.speaker ?? 'Speaker not identified'}: ${plural(group.entries.length, 'quote')}`}>
              <tr className="group-row">
                <th scope="rowgroup" colSpan={5}>
                  <SpeakerName speaker={group.speaker} /> <span className="quiet">{plural(group.entries.length, 'quote')}</span>
                </th>
              </tr>
              {group.entries.map(row)}
            </tbody>
          ))
        )}
      </table>
      {grouping === 'cluster' && single > 0 ? (
        <p className="ledger-note quiet">
          {plural(single, 'more quote appears', 'more quotes appear')} in one source only: group by speaker to see {single === 1 ? 'it' : 'them'}.
        </p>
      ) : null}
    </>
  );
}
