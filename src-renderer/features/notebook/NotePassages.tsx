import type { NoteAnchor } from '../../../src-main/contract/notes';
import { plural } from '../../components/document-label';
import { WordDiffText, type DiffLabels } from '../quotes/WordDiffText';
import { anchorSource, orphanReason, stateBadge } from './note-text';

/** What the passages of a note show and report. */
export interface NotePassagesProps {
  anchors: readonly NoteAnchor[];
  /** A trashed note's passages are shown, not changed. */
  readOnly: boolean;
  onOpen(anchor: NoteAnchor): void;
  onRemove(anchor: NoteAnchor): void;
}

const DRIFT_LABELS: DiffLabels = { added: 'The source has these words now', removed: 'These words were there when you noted the passage' };

/** The passages a note is about (its backlinks): source, words, and whether they still stand in the source as noted. */
export function NotePassages({ anchors, readOnly, onOpen, onRemove }: NotePassagesProps) {
  return (
    <section className="note-passages" aria-label="Passages of this note">
      <h3 className="section-label">{plural(anchors.length, 'passage')}</h3>
      {anchors.length === 0 ? (
        <p className="quiet note-passages-hint">No passage any more. Select one in the reader and choose “Add to this note”.</p>
      ) : (
        <p className="quiet note-passages-hint">Click a passage to show it in its source. To add one, select it in the reader and choose “Add to this note”.</p>
      )}
      <ol>
        {anchors.map((anchor) => (
          <NotePassage key={anchor.id} anchor={anchor} readOnly={readOnly} onOpen={() => onOpen(anchor)} onRemove={() => onRemove(anchor)} />
        ))}
      </ol>
    </section>
  );
}

/** One passage: where it comes from, its words, and — when its source changed — what changed or why it is lost. */
function NotePassage({ anchor, readOnly, onOpen, onRemove }: { anchor: NoteAnchor; readOnly: boolean; onOpen(): void; onRemove(): void }) {
  const source = anchorSource(anchor);
  const badge = stateBadge(anchor.state);
  const openable = anchor.state !== 'orphan' || anchor.orphanReason !== 'source-missing';
  return (
    <li className={`note-passage state-${anchor.state}`} data-anchor={anchor.id}>
      <div className="passage-source">
        <span className="passage-name">{source.name}</span>
        {badge ? <span className={`tag ${anchor.state === 'orphan' ? 'danger' : 'warning'}`}>{badge}</span> : null}
        {readOnly ? null : (
          <button type="button" className="icon-button passage-remove" onClick={onRemove} aria-label={`Remove this passage of ${source.name} from the note`} title="Remove this passage from the note">
            ×
          </button>
        )}
      </div>
      <p className="passage-credit quiet">{source.credit}</p>
      {anchor.state === 'drifted' && anchor.currentText !== null ? (
        <>
          <button type="button" className="passage-text" onClick={onOpen} title="Open the source at this passage">
            <WordDiffText diff={anchor.diff ?? []} text={anchor.currentText} labels={DRIFT_LABELS} />
          </button>
          <p className="passage-drift-legend quiet">The source changed since you noted this: struck words were there then, marked words are there now.</p>
          <dl className="passage-versions">
            <dt>As noted</dt>
            <dd>{anchor.selector.exact}</dd>
            <dt>Now</dt>
            <dd>{anchor.currentText}</dd>
          </dl>
        </>
      ) : anchor.state === 'orphan' ? (
        <>
          {openable ? (
            <button type="button" className="passage-text lost" onClick={onOpen} title="Open the source where the passage was last seen">
              {anchor.selector.exact}
            </button>
          ) : (
            <p className="passage-text lost">{anchor.selector.exact}</p>
          )}
          <p className="passage-orphan-reason">{orphanReason(anchor.orphanReason)}</p>
        </>
      ) : (
        <button type="button" className="passage-text" onClick={onOpen} title="Open the source at this passage">
          {anchor.selector.exact}
        </button>
      )}
    </li>
  );
}
