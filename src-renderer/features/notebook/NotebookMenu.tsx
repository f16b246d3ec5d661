import { useEffect, useRef, useState } from 'react';
import type { NoteExportFormat, NoteImportReport } from '../../../src-main/contract/notes';
import { api } from '../../api/client';
import { plural } from '../../components/document-label';
import type { Notebook } from './use-notebook';

const FORMATS: { format: NoteExportFormat; label: string; hint: string }[] = [
  { format: 'md', label: 'Markdown', hint: 'Notes with their passages as footnotes, for reading or pasting into a story' },
  { format: 'json', label: 'JSON', hint: 'Everything, trash and history included: the file to import again' },
  { format: 'csv', label: 'CSV', hint: 'One row per passage, for a spreadsheet' },
  { format: 'w3c', label: 'W3C Web Annotations', hint: 'JSON-LD for annotation tools' },
];

/** Saves text as a file through the browser's download (a Blob and an `<a download>`): no page is opened. */
export function downloadText(text: string, mediaType: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** What an import did, in one sentence. */
export function describeImport(report: NoteImportReport): string {
  const parts = [`Imported ${plural(report.imported, 'note')}`];
  if (report.skipped > 0) parts.push(`${plural(report.skipped, 'note was', 'notes were')} already here and left as they are`);
  if (report.orphanedAnchors > 0) parts.push(`${plural(report.orphanedAnchors, 'passage')} found no document in this library`);
  return `${parts.join('; ')}.`;
}

/** The panel's Export and Import: a small menu of formats, and a file chooser for a JSON export. */
export function NotebookMenu({ notebook }: { notebook: Notebook }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  const file = useRef<HTMLInputElement>(null);

  // The menu closes on a click elsewhere or Escape.
  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        setOpen(false);
      }
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey, true);
    };
  }, [open]);

  const exportAs = async (format: NoteExportFormat) => {
    setOpen(false);
    const result = await api().exportNotes({ format });
    if (!result.ok) return notebook.fail(result.error);
    downloadText(result.value.text, result.value.mediaType, result.value.fileName);
    notebook.toast(`Exported the notebook as ${result.value.fileName}.`);
  };

  const importFile = async (chosen: File | undefined) => {
    if (!chosen) return;
    setBusy(true);
    const result = await api().importNotes({ text: await chosen.text() });
    setBusy(false);
    if (file.current) file.current.value = '';
    if (!result.ok) return notebook.fail(result.error);
    notebook.changed();
    notebook.toast(describeImport(result.value));
  };

  return (
    <div className="notebook-menu" ref={menu}>
      <button type="button" className="ghost" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((value) => !value)}>
        Export <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <div className="menu-popup" role="menu" aria-label="Export the notebook as">
          {FORMATS.map((item) => (
            <button key={item.format} type="button" role="menuitem" onClick={() => void exportAs(item.format)}>
              <span>{item.label}</span>
              <span className="quiet menu-hint">{item.hint}</span>
            </button>
          ))}
        </div>
      ) : null}
      <button type="button" className="ghost" onClick={() => file.current?.click()} disabled={busy} title="Import notes from a JSON export of a notebook">
        {busy ? 'Importing…' : 'Import…'}
      </button>
      <input ref={file} type="file" accept=".json,application/json" hidden aria-label="Notebook file to import" onChange={(event) => void importFile(event.target.files?.[0])} />
    </div>
  );
}
