import { sideOf } from './actions';

interface CellProps {
  column: 'left' | 'right';
  ids: readonly string[];
  texts: Map<string, string>;
  language: string;
  linked: boolean;
}

export function Cell({ column, ids, texts, language, linked }: CellProps) {
  if (ids.length === 0) {
    return (
      <div className={`pcell pcell-empty${linked ? ' is-linked' : ''}`} data-column={column} lang={language} data-testid="no-counterpart">
        No {language.toUpperCase()} counterpart
      </div>
    );
  }
  return (
    <div className={`pcell${linked ? ' is-linked' : ''}`} data-column={column} lang={language}>
      {ids.map((id, k) => (
        <span key={id}>
          {k > 0 ? ' ' : null}
          <span className="sentence" data-sentence-id={id}>
            {texts.get(id)}
          </span>
        </span>
      ))}
    </div>
  );
}

