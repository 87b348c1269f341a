import { colours, type Colour } from '../../../shared/model/annotation';
import { t } from '../../../shared/i18n/current';

interface Props {
  /** The chosen colour, if the swatches show a choice (editor, filter). */
  value?: Colour | '';
  onPick: (colour: Colour) => void;
  label: (name: string, colour: Colour) => string;
  groupLabel?: string;
}

export function ColourSwatches({ value, onPick, label, groupLabel = t('colour.group') }: Props) {
  return (
    <div className="swatches" role="group" aria-label={groupLabel}>
      {colours.map((c) => (
        <button
          key={c.id}
          type="button"
          className={`swatch-dot hl-${c.id}`}
          aria-label={label(t('colour.name', { colour: c.id }), c.id)}
          aria-pressed={value === undefined ? undefined : value === c.id}
          title={t('colour.name', { colour: c.id })}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onPick(c.id)}
        />
      ))}
    </div>
  );
}
