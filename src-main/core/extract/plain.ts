/** Plain-text files: the text is the article; metadata comes later from the text heuristics. */

import { normalizeText } from './normalize';
import { emptyMetadata, type ParsedSource } from './types';

/** Parses a plain-text article: normalized text, no declared metadata, no known boilerplate. */
export function parsePlainText(text: string): ParsedSource {
  return { format: 'txt', rawText: normalizeText(text), metadata: emptyMetadata(), boilerplate: [] };
}
