import type { Note } from '../../../src-main/contract/notes';

/**
 * The tag edits of one open note, in flight or done. Edits leave one after another as the reporter types; an answer or
 * a fetch that left before the newest edit must not put older tags back on screen, or the next edit is computed from
 * them and silently undoes one.
 */
export interface TagEdits {
  /** Starts an edit: its tags are what the screen shows from now on. */
  begin(tags: readonly string[]): void;
  /** Ends an edit (its answer arrived). */
  end(): void;
  /** How many edits have started: a fetch notes it when it leaves. */
  generation(): number;
  /** A note from the engine as the screen should show it: with the newest edit's tags if it left before that edit or one is in flight. */
  view(value: Note, issuedAt?: number): Note;
}

/** Tag edits of one note, for useNoteEditing. */
export function createTagEdits(): TagEdits {
  let generation = 0;
  let pending = 0;
  let tags: string[] = [];
  return {
    begin(next) {
      generation += 1;
      pending += 1;
      tags = [...next];
    },
    end() {
      pending = Math.max(0, pending - 1);
    },
    generation: () => generation,
    view(value, issuedAt = generation) {
      return pending > 0 || issuedAt !== generation ? { ...value, tags: [...tags] } : value;
    },
  };
}
