/** A colour per speaker, so the same person's quotes look alike everywhere: a small palette cycled by name hash. */

/** How many speaker colours the theme defines (`--speaker-0` … `--speaker-7`). */
export const SPEAKER_TONES = 8;

/** The CSS class of a speaker's colour ("speaker-tone-3"), or the neutral one when nobody is credited. */
export function speakerTone(speaker: string | null): string {
  if (!speaker) return 'speaker-tone-none';
  // FNV-1a over the lower-cased name: stable across sessions and themes.
  let hash = 0x811c9dc5;
  for (const character of speaker.trim().toLowerCase()) {
    hash ^= character.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `speaker-tone-${hash % SPEAKER_TONES}`;
}

/** A speaker as the reporter reads it, with words for "nobody identified". */
export function speakerName(speaker: string | null): string {
  return speaker ?? 'Speaker not identified';
}
