import type { DocumentSummary } from '../../../src-main/contract/library';
import { plural } from '../../components/document-label';
import { speakerName, speakerTone } from '../../components/speaker-tone';
import type { LedgerEntry, LedgerSource } from './ledger-entries';
import { firstAppearance, sourceLabel } from './source-label';
import { WordDiffText } from './WordDiffText';

/** What one ledger row shows and reports. */
export interface LedgerRowProps {
  entry: LedgerEntry;
  summaries: ReadonlyMap<string, DocumentSummary>;
  expanded: boolean;
  onToggle(): void;
  /** Opens every source side by side at the quote. */
  onOpen(entry: LedgerEntry): void;
  /** Opens one source at its version of the quote. */
  onOpenSource(source: LedgerSource): void;
  /** Starts a note on the quote in every source that carries it. */
  onNote(entry: LedgerEntry): void;
}

/** A speaker with the dot of their colour. */
export function SpeakerName({ speaker }: { speaker: string | null }) {
  return (
    <span className={`speaker ${speakerTone(speaker)}${speaker ? '' : ' unknown'}`}>
      <span className="speaker-dot" aria-hidden="true" />
      {speakerName(speaker)}
    </span>
  );
}

/** One quote of the ledger, and under it (when expanded) each source's version with its differences and credit. */
export function LedgerRow({ entry, summaries, expanded, onToggle, onOpen, onOpenSource, onNote }: LedgerRowProps) {
  const first = firstAppearance(entry.first, entry.sources[0], summaries);
  const versionsId = `versions-${entry.key.replace(/[^\w-]/g, '_')}`;
  const openTitle = entry.sourceCount > 1 ? `Open the ${plural(Math.min(entry.sourceCount, 4), 'source')} side by side at this quote` : 'Open the source at this quote';
  return (
    <>
      <tr className={`ledger-row${expanded ? ' expanded' : ''}`} data-entry={entry.key}>
        <td className="ledger-toggle">
          <button type="button" className="icon-button" aria-expanded={expanded} aria-controls={versionsId} onClick={onToggle} aria-label={`${expanded ? 'Hide' : 'Show'} each source's version`} title="Each source's version">
            {expanded ? '▾' : '▸'}
          </button>
        </td>
        <td className="ledger-quote">
          <button type="button" className="quote-button" onClick={() => onOpen(entry)} title={openTitle}>
            “{entry.text}”
          </button>
          {entry.altered ? (
            <span className="tag warning" title="The sources do not all carry the same words: expand the row to see how they differ.">
              altered
            </span>
          ) : null}
          <button type="button" className="link-button ledger-note" onClick={() => onNote(entry)} title={entry.sourceCount > 1 ? `Start a note on this quote in its ${entry.sourceCount} sources` : 'Start a note on this quote'}>
            ✎ Note
          </button>
        </td>
        <td className="ledger-speaker">
          <SpeakerName speaker={entry.speaker} />
          {entry.speakerAgrees ? null : (
            <span className="tag warning" title={`Sources credit: ${entry.speakers.join(', ')}`}>
              credited differently
            </span>
          )}
        </td>
        <td className="ledger-count">{plural(entry.sourceCount, 'source')}</td>
        <td className="ledger-first">
          <span>{first.date}</span>
          <span className="quiet">{first.where}</span>
        </td>
      </tr>
      {expanded ? (
        <tr className="ledger-versions" id={versionsId}>
          <td />
          <td colSpan={4}>
            {entry.altered ? <p className="diff-legend quiet">Struck through: words this source leaves out. Marked: words only this source has.</p> : null}
            <ol aria-label="Each source's version">
              {entry.sources.map((source) => (
                <SourceVersion key={source.quoteId} source={source} entry={entry} summaries={summaries} onOpen={() => onOpenSource(source)} />
              ))}
            </ol>
          </td>
        </tr>
      ) : null}
    </>
  );
}

/** One source's version: its name and credit, whom it credits, and its words against the longest version. */
function SourceVersion({ source, entry, summaries, onOpen }: { source: LedgerSource; entry: LedgerEntry; summaries: ReadonlyMap<string, DocumentSummary>; onOpen(): void }) {
  const label = sourceLabel(source.docId, source.path, summaries);
  const differs = (source.speaker ?? '').toLowerCase() !== (entry.speaker ?? '').toLowerCase();
  return (
    <li className="source-version">
      <div className="source-line">
        <button type="button" className="link-button" onClick={onOpen} title="Open this source at the quote">
          {label.name}
        </button>
        {label.credit ? <span className="quiet">{label.credit}</span> : null}
        <span className={`tag${source.exact ? ' verbatim' : ' warning'}`}>{source.exact ? 'same words' : 'altered'}</span>
        <span className={`credits${differs ? ' differs' : ''}`}>
          credits <SpeakerName speaker={source.speaker} />
        </span>
      </div>
      <p className="version-text">
        <WordDiffText diff={source.exact ? [] : source.diff} text={source.text} />
      </p>
    </li>
  );
}
