import { Link } from 'wouter';
import { t } from '../../../shared/i18n/current';

/** The toolbar's way home, the same on every screen. */
export function BackToLibrary() {
  return (
    <Link href="/" className="button-quiet toolbar-back" aria-label={t('common.backToLibrary')}>
      <span aria-hidden="true">←</span> {t('nav.library')}
    </Link>
  );
}
