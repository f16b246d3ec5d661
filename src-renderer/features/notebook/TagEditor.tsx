import { useId, useState, type KeyboardEvent } from 'react';

/** Splits what was typed into tags at commas, trimmed and without a leading "#". */
export function splitTags(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim().replace(/^#+/, '').trim())
    .filter(Boolean);
}

/** Adds tags to a list, skipping any already there (case-insensitively). */
export function mergeTags(tags: readonly string[], added: readonly string[]): string[] {
  const merged = [...tags];
  for (const tag of added) if (!merged.some((known) => known.toLocaleLowerCase() === tag.toLocaleLowerCase())) merged.push(tag);
  return merged;
}

/** A note's tags as chips: a comma or Enter adds what was typed, × (or Backspace in the empty field) removes one. */
export function TagEditor({ tags, onChange, disabled }: { tags: readonly string[]; onChange(tags: string[]): void; disabled?: boolean }) {
  const [text, setText] = useState('');
  const fieldId = useId();

  const commit = (value: string) => {
    const added = splitTags(value);
    setText('');
    if (added.length > 0) {
      const next = mergeTags(tags, added);
      if (next.length !== tags.length) onChange(next);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      commit(text);
    } else if (event.key === 'Backspace' && text === '' && tags.length > 0) {
      onChange(tags.slice(0, -1));
    }
  };

  return (
    <div className="tag-editor">
      <label htmlFor={fieldId} className="section-label">
        Tags
      </label>
      <div className="tag-editor-field">
        <ul className="tag-editor-list" aria-label="Tags of this note">
          {tags.map((tag) => (
            <li key={tag} className="note-tag">
              {tag}
              {disabled ? null : (
                <button type="button" className="tag-remove" onClick={() => onChange(tags.filter((other) => other !== tag))} aria-label={`Remove the tag ${tag}`}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
        {disabled ? null : (
          <input
            id={fieldId}
            type="text"
            value={text}
            placeholder={tags.length === 0 ? 'Add a tag, then Enter or comma' : 'Add a tag'}
            onChange={(event) => {
              const value = event.target.value;
              // A pasted "a, b, c" becomes three tags at once.
              if (value.includes(',')) commit(value);
              else setText(value);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => commit(text)}
          />
        )}
      </div>
    </div>
  );
}
