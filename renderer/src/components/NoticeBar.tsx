import type { Notice } from '../../../shared/model/app';
import { useAppStore } from '../state/store';
import { BannerIcon } from './BannerIcon';
import { useT } from '../i18n/useT';

const none: Notice[] = [];

/** Notices from the backend (a store set aside, a manifest problem, a damaged annotation found on first use), until dismissed. */
export function NoticeBar() {
  const notices = useAppStore((s) => s.info?.notices ?? none);
  const dismissed = useAppStore((s) => s.dismissedNotices);
  const dismiss = useAppStore((s) => s.dismissNotices);
  const t = useT();
  if (notices.length <= dismissed) return null;
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
