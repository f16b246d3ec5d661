import type { DocumentDetails, DocumentSummary } from '../../../src-main/contract/library';
import { documentName, fileName, formatCount, formatDate } from '../../components/document-label';
import { describeReason } from './ReaderText';
import type { HiddenBlock } from '../../../src-main/contract/reader';

/** The article's header: title, outlet, byline, date, words, file path and whether the file is missing. */
export function ReaderHeader({
  details,
  summary,
  hidden,
  showHidden,
  onToggleHidden,
}: {
  details: DocumentDetails;
  /** The library's current summary (fresher after a metadata edit). */
  summary: DocumentSummary | undefined;
  hidden: readonly HiddenBlock[];
  showHidden: boolean;
  onToggleHidden(): void;
}) {
  const current = summary ?? details;
  const reasons = [...new Set(hidden.map((block) => describeReason(block.reason)))];
  return (
    <header className="reader-header">
      <h2 className={current.title ? 'reader-title' : 'reader-title untitled'}>{documentName(current)}</h2>
      <p className="reader-credit">
        <span className={current.outlet ? '' : 'unknown'}>{current.outlet ?? 'Outlet not known'}</span>
        {' · '}
        <span className={current.byline ? '' : 'unknown'}>{current.byline ?? 'byline not known'}</span>
        {' · '}
        <span className={current.published ? '' : 'unknown'} title={current.published ?? undefined}>
          {formatDate(current.published) || 'date not known'}
        </span>
        {' · '}
        {formatCount(current.words)} words
      </p>
      <p className="reader-path" title={details.path}>
        {fileName(details.path)} <span className="quiet">in {details.path.slice(0, details.path.length - fileName(details.path).length)}</span>
        {details.missing ? (
          <span className="tag warning" title="The file has moved or been deleted; Parallax still has the text it read.">
            file missing
          </span>
        ) : null}
      </p>
      {hidden.length > 0 ? (
        <p className="reader-hidden-note">
          {formatCount(hidden.length)} {hidden.length === 1 ? 'block' : 'blocks'} removed as boilerplate ({reasons.join(', ')}).{' '}
          <button type="button" className="link-button" onClick={onToggleHidden} aria-pressed={showHidden} title="Alt+B">
            {showHidden ? 'Hide them' : 'Show them dimmed'}
          </button>
        </p>
      ) : null}
    </header>
  );
}
