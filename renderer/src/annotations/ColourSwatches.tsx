import { colours, type Colour } from '../../../shared/model/annotation';

export function ColourSwatches({ value, onPick, label }: { value?: Colour; onPick: (colour: Colour) => void; label: (name: string) => string }) {
  return (
    <div className="swatches" role="group" aria-label="Colour">
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
