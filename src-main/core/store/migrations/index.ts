import type { Migration } from './migration';
import { initialSchema } from './001-initial';
import { quotesSchema } from './002-quotes';
import { notesSchema } from './003-notes';
import { notedTextsSchema } from './004-noted-texts';
import { indexHashSizeSchema } from './005-index-hashsize';
import { sourcesSchema } from './006-sources';
import { listingIndexSchema } from './007-listing-index';

/** Every migration in order; append new ones, never edit or reorder applied ones. */
export const MIGRATIONS: readonly Migration[] = [initialSchema, quotesSchema, notesSchema, notedTextsSchema, indexHashSizeSchema, sourcesSchema, listingIndexSchema];
