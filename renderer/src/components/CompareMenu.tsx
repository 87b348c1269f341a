import { useLocation } from 'wouter';
import { useAppStore } from '../state/store';
import { t } from '../../../shared/i18n/current';
import { languageName } from '../format';

/** "Compare with…": any other document can be opened beside this one, since users bring their own pairs. */
export function CompareMenu({ documentId }: { documentId: string }) {
  const documents = useAppStore((s) => s.documents);
  const [, navigate] = useLocation();
  const others = (documents ?? []).filter((d) => d.id !== documentId && !d.problem);
  if (others.length === 0) return null;
  return (
    <label className="compare-menu">
      <span className="visually-hidden">{t('compare.label')}</span>
      <select
        value=""
        onChange={(e) => e.target.value && navigate(`/parallel/${encodeURIComponent(documentId)}/${encodeURIComponent(e.target.value)}`)}
        data-testid="compare-with"
      >
        <option value="">{t('compare.choose')}</option>
        {others.map((d) => (
          <option key={d.id} value={d.id}>
            {languageName(d.language)} · {d.title}
          </option>
        ))}
      </select>
    </label>
  );
}
