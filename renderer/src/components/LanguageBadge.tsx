import { languageName } from '../format';

/** A language's code as a small badge ("EN"), its name ("English", "Englisch") for whoever hovers or reads it out. */
export function LanguageBadge({ tag }: { tag: string }) {
  return (
    <abbr className="lang-badge" title={languageName(tag)}>
      {tag === 'und' ? '?' : tag.toUpperCase()}
    </abbr>
  );
}
