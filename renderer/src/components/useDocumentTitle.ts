import { useEffect } from 'react';

/** The window title names what is open: Electron's window follows the page title. */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} — Facing` : 'Facing';
  }, [title]);
}
