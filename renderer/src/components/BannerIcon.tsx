import type { MessageKey } from '../../../shared/i18n/en';
import './Banner.css';
import { t } from '../../../shared/i18n/current';

export type Tone = 'error' | 'warning' | 'info' | 'success';

const icons: Record<Tone, { glyph: string; label: MessageKey }> = {
  error: { glyph: '!', label: 'banner.error' },
  warning: { glyph: '!', label: 'banner.warning' },
  info: { glyph: 'i', label: 'banner.info' },
  success: { glyph: '✓', label: 'banner.success' },
};

/** The round sign at the start of a banner or toast, named for screen readers. */
export function BannerIcon({ tone }: { tone: Tone }) {
  const icon = icons[tone];
  return (
    <span className={`banner-icon banner-${tone}`} role="img" aria-label={t(icon.label)} data-tone={tone}>
      {icon.glyph}
    </span>
  );
}
