/** Parsing of the date expressions news pages print ("November 03, 2025, 20:48 IST", "Mon November 3, 2025"). */

/** A parsed date: the local calendar day, and the ISO value to store (the day, or a timestamp with offset). */
export interface NewsDate {
  day: string;
  iso: string;
}

const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['jan', 1], ['february', 2], ['feb', 2], ['march', 3], ['mar', 3], ['april', 4], ['apr', 4],
  ['may', 5], ['june', 6], ['jun', 6], ['july', 7], ['jul', 7], ['august', 8], ['aug', 8], ['september', 9],
  ['sep', 9], ['sept', 9], ['october', 10], ['oct', 10], ['november', 11], ['nov', 11], ['december', 12], ['dec', 12],
]);

const WEEKDAYS: ReadonlySet<string> = new Set([
  'monday', 'mon', 'tuesday', 'tue', 'tues', 'wednesday', 'wed', 'thursday', 'thu', 'thur', 'thurs',
  'friday', 'fri', 'saturday', 'sat', 'sunday', 'sun',
]);

/** Zone abbreviations as English-language news sites use them; IST is read as India (its usual meaning in news). */
const ZONE_OFFSETS: ReadonlyMap<string, string> = new Map([
  ['UTC', '+00:00'], ['GMT', '+00:00'], ['Z', '+00:00'], ['EST', '-05:00'], ['EDT', '-04:00'], ['CST', '-06:00'],
  ['CDT', '-05:00'], ['MST', '-07:00'], ['MDT', '-06:00'], ['PST', '-08:00'], ['PDT', '-07:00'], ['BST', '+01:00'],
  ['CET', '+01:00'], ['CEST', '+02:00'], ['IST', '+05:30'], ['JST', '+09:00'], ['AEST', '+10:00'], ['AEDT', '+11:00'],
]);

const FILLERS: ReadonlySet<string> = new Set(['at', 'on', '-', '–', '—', '/']);
const ISO_TOKEN = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const SLASHED_TOKEN = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const TIME_TOKEN = /^(\d{1,2}):(\d{2})(?::\d{2})?([ap]\.?m\.?)?$/i;
const MERIDIEM_TOKEN = /^([ap])\.?m\.?$/i;
const DAY_TOKEN = /^(\d{1,2})(?:st|nd|rd|th)?$/i;
const ANY_DIGIT = /\d/;

interface DateParts {
  year?: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  meridiem?: 'a' | 'p';
  offset?: string;
  weekday?: boolean;
  isoTime?: string;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1–12) of the Gregorian calendar, as Date counts them, without building a Date. */
function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

function readIsoToken(match: RegExpExecArray, parts: DateParts): boolean {
  if (parts.year !== undefined || parts.month !== undefined || parts.day !== undefined) return false;
  parts.year = Number(match[1]);
  parts.month = Number(match[2]);
  parts.day = Number(match[3]);
  const [hour, minute, second, offset] = [match[4], match[5], match[6], match[7]];
  if (hour !== undefined && minute !== undefined && offset !== undefined) {
    if (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? '0') > 59) return false;
    const zone = offset === 'Z' ? '+00:00' : `${offset.slice(0, 3)}:${offset.slice(-2)}`;
    parts.isoTime = `T${hour}:${minute}:${second ?? '00'}${zone}`;
  }
  return true;
}

/** Reads one token into parts; false when the token is not part of a date expression or repeats a field. */
function readToken(token: string, parts: DateParts): boolean {
  const lowercase = token.toLowerCase();
  const lower = lowercase.endsWith('.') ? lowercase.slice(0, -1) : lowercase;
  const iso = ISO_TOKEN.exec(token);
  if (iso) return readIsoToken(iso, parts);
  const slashed = SLASHED_TOKEN.exec(token);
  if (slashed) return readIsoToken(slashed, parts);
  const month = MONTHS.get(lower);
  if (month !== undefined) {
    if (parts.month !== undefined) return false;
    parts.month = month;
    return true;
  }
  if (WEEKDAYS.has(lower)) {
    if (parts.weekday) return false;
    parts.weekday = true;
    return true;
  }
  const zone = ZONE_OFFSETS.get(token);
  if (zone !== undefined) {
    if (parts.offset !== undefined) return false;
    parts.offset = zone;
    return true;
  }
  const time = TIME_TOKEN.exec(token);
  if (time) {
    if (parts.hour !== undefined) return false;
    parts.hour = Number(time[1]);
    parts.minute = Number(time[2]);
    const meridiem = time[3]?.[0]?.toLowerCase();
    if (meridiem === 'a' || meridiem === 'p') parts.meridiem = meridiem;
    return true;
  }
  const meridiem = MERIDIEM_TOKEN.exec(token);
  if (meridiem) {
    if (parts.hour === undefined || parts.meridiem !== undefined) return false;
    parts.meridiem = meridiem[1]?.toLowerCase() === 'a' ? 'a' : 'p';
    return true;
  }
  if (/^\d{4}$/.test(token)) {
    if (parts.year !== undefined) return false;
    parts.year = Number(token);
    return true;
  }
  const day = DAY_TOKEN.exec(token);
  if (day) {
    if (parts.day !== undefined) return false;
    parts.day = Number(day[1]);
    return true;
  }
  return false;
}

function clockHour(parts: DateParts): number | null {
  const hour = parts.hour;
  if (hour === undefined || parts.minute === undefined || parts.minute > 59) return null;
  if (parts.meridiem === undefined) return hour <= 23 ? hour : null;
  if (hour < 1 || hour > 12) return null;
  return (hour % 12) + (parts.meridiem === 'p' ? 12 : 0);
}

/**
 * Parses a string that is only a date expression (day, month, year, optional weekday, time and zone, in the orders
 * news sites print them); null when anything else is in it or the date is invalid. Numeric d/m/y is refused: ambiguous.
 */
export function parseNewsDate(text: string): NewsDate | null {
  // Every date has a year, and every token that gives one has digits: text without a digit is refused at once.
  if (text.length > 120 || !ANY_DIGIT.test(text)) return null;
  const tokens = text
    .replace(/[,|·•()]/g, ' ')
    .split(/\s+/)
    .filter((token) => token !== '' && !FILLERS.has(token.toLowerCase()));
  if (tokens.length === 0) return null;
  const parts: DateParts = {};
  for (const token of tokens) {
    if (!readToken(token, parts)) return null;
  }
  const { year, month, day } = parts;
  if (year === undefined || month === undefined || day === undefined) return null;
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  const calendarDay = `${year}-${pad(month)}-${pad(day)}`;
  if (parts.isoTime !== undefined) return { day: calendarDay, iso: calendarDay + parts.isoTime };
  if (parts.hour === undefined) return { day: calendarDay, iso: calendarDay };
  const hour = clockHour(parts);
  if (hour === null) return null;
  if (parts.offset === undefined) return { day: calendarDay, iso: calendarDay };
  return { day: calendarDay, iso: `${calendarDay}T${pad(hour)}:${pad(parts.minute ?? 0)}:00${parts.offset}` };
}
