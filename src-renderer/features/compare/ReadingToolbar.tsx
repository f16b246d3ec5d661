import type { AppError } from '../../../src-main/contract/result';
import { plural } from '../../components/document-label';
import { ErrorNote } from '../../components/ErrorNote';
import { Shortcut } from '../../components/Shortcut';
import { Switch } from '../../components/Switch';
import type { RelatedState } from './use-related';

/** What the reading toolbar shows and controls. */
export interface ReadingToolbarProps {
  paneCount: number;
  canAdd: boolean;
  onAdd(): void;
  shared: { index: number; total: number; loading: boolean; error: AppError | null };
  onPrevious(): void;
  onNext(): void;
  sync: boolean;
  onSync(value: boolean): void;
  showHidden: boolean;
  onShowHidden(value: boolean): void;
  showQuotes: boolean;
  onShowQuotes(value: boolean): void;
  related: RelatedState;
  onClearRelated(): void;
  /** Whether a passage of the open documents is in the notebook (its highlight then joins the colour key). */
  hasNotes: boolean;
}

/** The reading area's toolbar: panes, shared-passage stepping, sync scroll, quotes, removed text, and the selection's fate. */
export function ReadingToolbar(props: ReadingToolbarProps) {
  const { shared, related } = props;
  const quote = related.source ? shorten(related.source.text) : '';
  return (
    <div className="reading-toolbar">
      <div className="toolbar-row">
        <h1 className="toolbar-title">Reader</h1>
        <button type="button" onClick={props.onAdd} disabled={!props.canAdd} title="Add a pane beside (up to four)">
          Add pane <Shortcut binding="Alt+N" />
        </button>
        {props.paneCount > 1 ? (
          <div className="shared-stepper" role="group" aria-label="Shared passages">
            <button type="button" onClick={props.onPrevious} disabled={shared.total === 0} aria-label="Previous shared passage" title="Previous shared passage ([ or Alt+↑)">
              ‹
            </button>
            <span className="shared-count" role="status">
              {shared.loading
                ? 'Finding shared passages…'
                : shared.total === 0
                  ? 'No shared passages'
                  : shared.index > 0
                    ? `Shared passage ${shared.index} of ${shared.total}`
                    : plural(shared.total, 'shared passage')}
            </span>
            <button type="button" onClick={props.onNext} disabled={shared.total === 0} aria-label="Next shared passage" title="Next shared passage (] or Alt+↓)">
              ›
            </button>
          </div>
        ) : null}
        {props.paneCount > 1 ? <Switch label="Sync scroll by shared passages" checked={props.sync} onChange={props.onSync} hint="Alt+S" /> : null}
        <Switch label="Show quotes" checked={props.showQuotes} onChange={props.onShowQuotes} hint="Underline quotes in their speaker's colour (Alt+Q)" />
        <Switch label="Show removed boilerplate" checked={props.showHidden} onChange={props.onShowHidden} hint="Alt+B" />
      </div>
      {shared.error ? <ErrorNote error={shared.error} /> : null}
      <div className="toolbar-row secondary" hidden={!related.source && props.paneCount < 2}>
        <p className="selection-line" role="status">
          {related.source ? (
            <>
              Selection <q>{quote}</q>
              {related.searching ? ' — looking in the other panes…' : props.paneCount < 2 ? ' — open another document beside to find it there.' : ''}{' '}
              <button type="button" className="link-button" onClick={props.onClearRelated}>
                Clear
              </button>{' '}
              <Shortcut binding="Escape" />
            </>
          ) : (
            'Select a sentence in one pane to find it in the others.'
          )}
        </p>
        {props.paneCount > 1 ? (
          <span className="legend" aria-label="Colour key">
            <span className="swatch mark-shared">shared passage</span>
            <span className="swatch only-here-swatch" title="A bar in the margin: no other open document has this paragraph (dashed: part of it)">
              only in this source
            </span>
            <span className="swatch mark-related">your selection, found</span>
            <span className="swatch mark-hit">search hit</span>
            {props.showQuotes ? <span className="swatch mark-quote">quote (colour = speaker)</span> : null}
            {props.hasNotes ? <span className="swatch mark-note">in your notebook</span> : null}
          </span>
        ) : null}
      </div>
      {related.error ? <ErrorNote error={related.error} /> : null}
    </div>
  );
}

/** A selection cut to a readable length for the status line. */
function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 90 ? `${flat.slice(0, 87)}…` : flat;
}
