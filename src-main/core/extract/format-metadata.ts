/** Cleaning of metadata values a format declares (front matter, meta tags, JSON-LD) into DocumentMetadata fields. */

import { parseNewsDate } from './news-date';

const MAX_FIELD_LENGTH = 500;

/** One line of trimmed, whitespace-collapsed text, or null when empty or absurdly long. */
export function cleanField(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value).normalize('NFC').replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ').replace(/\s+/g, ' ').trim();
  return text === '' || text.length > MAX_FIELD_LENGTH ? null : text;
}

/** The first value that cleans to a non-empty field, so callers can list sources in order of trust. */
export function firstField(...values: unknown[]): string | null {
  for (const value of values) {
    const field = cleanField(value);
    if (field !== null) return field;
  }
  return null;
}

/** A person or organisation named by a string, an array, or an object with a name (JSON-LD, YAML lists). */
function namesOf(value: unknown, depth = 0): string[] {
  if (depth > 3 || value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.slice(0, 20).flatMap((item) => namesOf(item, depth + 1));
  if (typeof value === 'object') return namesOf((value as Record<string, unknown>).name, depth + 1);
  const name = cleanField(value);
  return name === null ? [] : [name];
}

/** A byline from one name or several: "By " stripped, URLs refused, names joined with commas. */
export function cleanByline(value: unknown): string | null {
  const names = namesOf(value)
    .map((name) => name.replace(/^by[:\s]\s*/i, '').trim())
    .filter((name) => name !== '' && !/^(?:https?:|www\.)/i.test(name));
  const unique = [...new Set(names)];
  return unique.length === 0 ? null : cleanField(unique.join(', '));
}

/** An organisation's name from a string or a JSON-LD object such as publisher: { name }. */
export function cleanName(value: unknown): string | null {
  return namesOf(value)[0] ?? null;
}

/** An absolute http(s) URL (resolved against base when relative), or null: no javascript:, data: or file: links. */
export function cleanUrl(value: unknown, base?: string): string | null {
  const text = cleanField(value);
  if (text === null) return null;
  try {
    const url = base === undefined ? new URL(text) : new URL(text, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A publication date as ISO 8601: the day ("2025-11-03") or a timestamp with offset when the time and zone are known. */
export function cleanDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  const text = cleanField(value);
  if (text === null) return null;
  const spaced = text.replace(/^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})/, '$1T$2');
  return parseNewsDate(spaced)?.iso ?? null;
}
