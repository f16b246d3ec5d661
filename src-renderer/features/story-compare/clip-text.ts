/** Shortening text for the Compare view's labels, tooltips and passage lists. */

/** Text on one line, long text shortened at a word with an ellipsis. */
export function clipText(text: string, limit: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= limit) return flat;
  const cut = flat.slice(0, limit - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A passage read out of context: clipped, with "…" where it starts or stops mid-sentence. */
export function passageExcerpt(text: string, limit = 260): string {
  const clipped = clipText(text, limit);
  const opening = /^[\p{Ll}\d,;:)]/u.test(clipped) ? '…' : '';
  const closing = /[.!?…:"”’)]$/u.test(clipped) ? '' : '…';
  return `${opening}${clipped}${closing}`;
}

/** A long file name shortened in the middle ("000_687…1e92"), without its extension, so it fits a narrow column. */
export function shortFileName(name: string, limit = 12): string {
  const stem = name.replace(/\.[a-z0-9]{1,5}$/i, '');
  if (stem.length <= limit) return stem;
  const tail = Math.floor((limit - 1) / 2.5);
  // Word joiners keep a line from breaking at the ellipsis.
  return `${stem.slice(0, limit - 1 - tail)}\u2060…\u2060${stem.slice(-tail)}`;
}
