import { useAppStore, visibleNotices } from '../state/store';
import { BannerIcon } from './BannerIcon';
import { useT } from '../i18n/useT';

/** Notices from the backend (a store set aside, a manifest problem, a damaged annotation found on first use), until dismissed. */
export function NoticeBar() {
  const info = useAppStore((s) => s.info);
  const dismissedNotices = useAppStore((s) => s.dismissedNotices);
  const dismiss = useAppStore((s) => s.dismissNotices);
  const t = useT();
  const notices = visibleNotices({ info, dismissedNotices });
  if (!notices.length) return null;
  const worst = notices.some((n) => n.level === 'error') ? 'error' : notices.some((n) => n.level === 'warning') ? 'warning' : 'info';
  return (
    <div className={`notice-bar notice-${worst}`} role={worst === 'info' ? 'status' : 'alert'} data-testid="notices">
      <BannerIcon tone={worst} />
      <ul>
        {notices.map((notice, i) => (
          <li key={i}>{notice.message}</li>
        ))}
      </ul>
      <button type="button" className="button-quiet" onClick={dismiss}>
        {t('common.dismiss')}
      </button>
    </div>
  );
}
