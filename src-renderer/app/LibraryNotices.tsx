import { useEffect, useState } from 'react';
import type { LibraryNotice } from '../../src-main/contract/library';
import { api } from '../api/client';

/** How often the engine is asked again: a backup that finds damage while the app runs reports it then. */
const POLL_MS = 10 * 60 * 1000;

/** What the engine must tell about the library file (a damaged library restored from its backup), until dismissed. */
export function LibraryNotices() {
  const [notices, setNotices] = useState<LibraryNotice[]>([]);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    let live = true;
    const load = () =>
      void api()
        .getLibraryStatus({})
        .then((result) => {
          if (live && result.ok) setNotices(result.value.notices);
        });
    load();
    const timer = setInterval(load, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  const shown = notices.filter((notice) => !dismissed.has(notice.message));
  if (shown.length === 0) return null;
  return (
    <div className="library-notices" role="alert">
      <div>
        {shown.map((notice) => (
          <p key={notice.message}>{notice.message}</p>
        ))}
      </div>
      <button
        type="button"
        className="icon-button"
        onClick={() => setDismissed(new Set([...dismissed, ...shown.map((notice) => notice.message)]))}
        aria-label="Dismiss the library notice"
      >
        ×
      </button>
    </div>
  );
}
