/** Calendar dates for export file names, title lines and citations. */

/** The YYYY-MM-DD date an ISO date or date-time starts with, as written (no time-zone shift); null for anything else. */
export function calendarDate(value: string | null | undefined): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(value ?? '');
  return match?.[1] ?? null;
}
