import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { METADATA_FIELDS, type DocumentDetails, type DocumentSummary, type MetadataField } from '../../../src-main/contract/library';
import type { AppError } from '../../../src-main/contract/result';
import { api } from '../../api/client';
import { ErrorNote } from '../../components/ErrorNote';

const LABELS: Record<MetadataField, string> = { title: 'Title', outlet: 'Outlet', byline: 'Byline', published: 'Date published', url: 'Address (URL)' };
const HINTS: Partial<Record<MetadataField, string>> = { published: 'YYYY-MM-DD', url: 'https://…' };

/** Inline editor of a document's metadata: the reporter's corrections are kept apart from what the file says. */
export function MetadataEditor({ document, onSaved, onClose }: { document: DocumentSummary; onSaved(summary: DocumentSummary): void; onClose(): void }) {
  const [values, setValues] = useState<Record<MetadataField, string>>(() => valuesOf(document));
  const [details, setDetails] = useState<DocumentDetails | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [saving, setSaving] = useState(false);
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    first.current?.focus();
    void api()
      .getDocument({ doc: document.id })
      .then((answer) => (answer.ok ? setDetails(answer.value) : setError(answer.error)));
  }, [document.id]);

  async function save(event?: FormEvent) {
    event?.preventDefault();
    setSaving(true);
    let latest: DocumentSummary | null = null;
    for (const field of METADATA_FIELDS) {
      const value = values[field].trim();
      if (value === (document[field] ?? '')) continue;
      const extracted = details?.overrides[field]?.extracted;
      const answer =
        details?.overrides[field] !== undefined && value === (extracted ?? '')
          ? await api().clearMetadataOverride({ doc: document.id, field })
          : await api().setMetadataOverride({ doc: document.id, field, value: value || null });
      if (!answer.ok) {
        setError(answer.error);
        setSaving(false);
        return;
      }
      latest = answer.value;
    }
    setSaving(false);
    if (latest) onSaved(latest);
    onClose();
  }

  async function restoreExtracted(field: MetadataField) {
    const answer = await api().clearMetadataOverride({ doc: document.id, field });
    if (!answer.ok) return setError(answer.error);
    onSaved(answer.value);
    setValues((current) => ({ ...current, [field]: answer.value[field] ?? '' }));
    setDetails((current) => (current ? { ...current, overrides: { ...current.overrides, [field]: undefined } } : current));
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  }

  return (
    <form className="metadata-editor" onSubmit={save} onKeyDown={onKeyDown} aria-label={`Metadata of ${document.title ?? document.path}`}>
      <div className="metadata-fields">
        {METADATA_FIELDS.map((field, index) => {
          const override = details?.overrides[field];
          return (
            <label key={field} className={`metadata-field field-${field}`}>
              <span className="field-label">
                {LABELS[field]}
                {override ? <span className="edited-tag">edited</span> : null}
              </span>
              <input
                ref={index === 0 ? first : undefined}
                value={values[field]}
                placeholder={HINTS[field] ?? 'unknown'}
                onChange={(event) => setValues((current) => ({ ...current, [field]: event.target.value }))}
              />
              {override ? (
                <span className="extracted-note">
                  The file says: {override.extracted ? `“${override.extracted}”` : 'nothing'}{' '}
                  <button type="button" className="link-button" onClick={() => void restoreExtracted(field)}>
                    use it
                  </button>
                </span>
              ) : null}
            </label>
          );
        })}
      </div>
      {error ? <ErrorNote error={error} /> : null}
      <div className="metadata-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <span className="quiet">Enter saves · Esc cancels · your corrections survive re-import</span>
      </div>
    </form>
  );
}

/** The form's starting values: the document's current metadata, blanks for unknowns. */
function valuesOf(document: DocumentSummary): Record<MetadataField, string> {
  return Object.fromEntries(METADATA_FIELDS.map((field) => [field, document[field] ?? ''])) as Record<MetadataField, string>;
}
