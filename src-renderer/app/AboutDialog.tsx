import { useEffect, useRef } from 'react';

/** A short word about Parallax (the desktop menu's Help → About). */
export function AboutDialog({ onClose }: { onClose(): void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    close.current?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div className="dialog-backdrop" onMouseDown={onClose}>
      <div
        className="about-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="about-title"
        onMouseDown={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onClose();
          }
        }}
      >
        <h2 id="about-title">Parallax</h2>
        <p>An offline workbench for reporters who hold many versions of one story: who reported what, who said what, and which passages travelled from one outlet to another.</p>
        <p className="quiet">Everything stays on this computer; articles are shown as plain text, never run as web pages.</p>
        <button ref={close} type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
