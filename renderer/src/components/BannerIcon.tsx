import './Banner.css';

export type Tone = 'error' | 'warning' | 'info' | 'success';

const icons: Record<Tone, { glyph: string; label: string }> = {
  error: { glyph: '!', label: 'Error' },
  warning: { glyph: '!', label: 'Warning' },
  info: { glyph: 'i', label: 'Note' },
  success: { glyph: '✓', label: 'Done' },
};

/** The round sign at the start of a banner or toast, named for screen readers. */
export function BannerIcon({ tone }: { tone: Tone }) {
  const icon = icons[tone];
  return (
    <span className={`banner-icon banner-${tone}`} role="img" aria-label={icon.label} data-tone={tone}>
      {icon.glyph}
    </span>
  );
}
