import type { AppError } from '../../src-main/contract/result';

/** An error shown in words where it happened, announced to screen readers. */
export function ErrorNote({ error, id }: { error: AppError | string; id?: string }) {
  return (
    <p className="error-note" role="alert" id={id}>
      {typeof error === 'string' ? error : error.message}
    </p>
  );
}
