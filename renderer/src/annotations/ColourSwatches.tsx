import { colours, type Colour } from '../../../shared/model/annotation';

interface Props {
  /** The chosen colour, if the swatches show a choice (editor, filter). */
  value?: Colour | '';
  onPick: (colour: Colour) => void;
  label: (name: string) => string;
  groupLabel?: string;
}

export function ColourSwatches({ value, onPick, label, groupLabel = 'Colour' }: Props) {
  return (
    <div className="swatches" role="group" aria-label={groupLabel}>
      {colours.map((c) => (
        <button
          key={c.id}
          type="button"
          className={`swatch-dot hl-${c.id}`}
          aria-label={label(c.name)}
          aria-pressed={value === undefined ? undefined : value === c.id}
          title={c.name}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onPick(c.id)}
        />
      ))}
    </div>
  );
}
