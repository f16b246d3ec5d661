import type { DocumentSummary } from '../../src-main/contract/library';

export { dayOf, documentName, fileName } from '../../src-main/contract/document-name';

const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** Dates already formatted, by their stored value: a long list shows the same few thousand dates again and again. */
const formattedDates = new Map<string, string>();

/** The most formatted dates kept; past it the cache starts again. */
const FORMATTED_DATES_KEPT = 10_000;

/** A published date as a reporter reads it ("3 Nov 2025"); the calendar day as written, never shifted by time zone. */
export function formatDate(published: string | null): string {
  if (!published) return '';
  let formatted = formattedDates.get(published);
  if (formatted === undefined) {
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(published);
    formatted = match ? DATE_FORMAT.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))) : published;
    if (formattedDates.size >= FORMATTED_DATES_KEPT) formattedDates.clear();
    formattedDates.set(published, formatted);
  }
  return formatted;
}

/** Outlet, byline and date joined for a one-line credit ("News18 · Shankhyaneel Sarkar · 3 Nov 2025"). */
export function describeSource(document: Pick<DocumentSummary, 'outlet' | 'byline' | 'published'>): string {
  return [document.outlet, document.byline, formatDate(document.published)].filter(Boolean).join(' · ');
}

const COUNT_FORMAT = new Intl.NumberFormat('en-GB');

/** A whole number with thousands separators (one formatter for all: the library list formats thousands of counts). */
export function formatCount(value: number): string {
  return COUNT_FORMAT.format(value);
}

/** A count with its noun in the right number ("1 document", "5 documents"). */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}
