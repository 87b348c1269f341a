import { useEffect } from 'react';
import { t } from '../../../shared/i18n/current';

/** The window title names what is open: Electron's window follows the page title. */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? t('title.window', { title }) : 'Facing';
  }, [title]);
}
