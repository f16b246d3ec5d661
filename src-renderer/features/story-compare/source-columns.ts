/** The story's sources as the Compare view names and orders them: short labels, dates, shared share, unique count. */
import type { ComparedDocument } from '../../../src-main/contract/compare';
import { dayOf, fileName, formatDate } from '../../components/document-label';
import { shortFileName } from './clip-text';

/** One source of the story as a matrix column, a graph node and an "Only here" group. */
export interface SourceColumn {
  id: string;
  path: string;
  /** Short name: the outlet, or the file name (shortened) when the outlet is not known; unique within the story. */
  label: string;
  /** The published day as a reporter reads it ("3 Nov 2025"), or empty when not known. */
  date: string;
  /** Everything known about the source, for tooltips: title, outlet, date, file. */
  description: string;
  outlet: string | null;
  /** Share of its reading text that other sources share (0 to 1). */
  sharedShare: number;
  uniqueCount: number;
}

/** The sources in reading order for a reporter: earliest published first, undated last, then by label. */
export function sourceColumns(documents: readonly ComparedDocument[]): SourceColumn[] {
  const columns = documents.map((document) => ({
    id: document.id,
    path: document.path,
    label: document.outlet?.trim() || shortFileName(fileName(document.path)),
    date: formatDate(document.published),
    day: dayOf(document.published),
    description: [document.title, document.outlet ?? 'Outlet not known', formatDate(document.published) || 'date not known', fileName(document.path)]
      .filter(Boolean)
      .join(' · '),
    outlet: document.outlet,
    sharedShare: clampShare(document.sharedShare),
    uniqueCount: document.unique.length,
  }));
  columns.sort((left, right) => compareDays(left.day, right.day) || left.label.localeCompare(right.label) || left.path.localeCompare(right.path));
  distinguish(columns);
  return columns.map(({ day: _day, ...column }) => column);
}

/** A share as a whole percentage ("62%"); anything above zero shows at least 1%. */
export function formatShare(share: number): string {
  const percent = Math.round(clampShare(share) * 100);
  return `${share > 0 && percent === 0 ? 1 : percent}%`;
}

/** What a claim's origin is called: an outlet by its name, a source that credits nobody as its own reporting. */
export function originName(origin: string, columns: readonly SourceColumn[]): string {
  const own = columns.find((column) => column.id === origin);
  return own ? `${own.label}'s own reporting` : origin;
}

/** Dated sources first, in day order; undated ones after. */
function compareDays(left: string, right: string): number {
  if (left === right) return 0;
  if (!left) return 1;
  if (!right) return -1;
  return left < right ? -1 : 1;
}

/** Labels shared by several sources get a number ("NBC News #2"), so every column can be told apart. */
function distinguish(columns: { label: string }[]): void {
  const counts = countBy(columns.map((column) => column.label));
  const seen = new Map<string, number>();
  for (const column of columns) {
    if ((counts.get(column.label) ?? 0) < 2) continue;
    const number = (seen.get(column.label) ?? 0) + 1;
    seen.set(column.label, number);
    column.label = `${column.label} #${number}`;
  }
}

function countBy(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

function clampShare(share: number): number {
  return Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : 0;
}
