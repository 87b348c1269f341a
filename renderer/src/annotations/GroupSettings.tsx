import { useAppStore } from '../state/store';
import { t } from '../../../shared/i18n/current';
import './threads.css';

/** Settings → Sync, reading group: whether other people's annotations may be changed here. Saved at once. */
export function GroupSettings() {
  const editOthers = useAppStore((s) => s.settings.editOthers);
  const updateSettings = useAppStore((s) => s.updateSettings);
  return (
    <section className="group-settings" aria-labelledby="group-settings-title">
      <h2 id="group-settings-title">{t('groups.title')}</h2>
      <label>
        <input type="checkbox" checked={editOthers} onChange={(e) => void updateSettings({ editOthers: e.target.checked })} data-testid="edit-others" />
        {t('groups.editOthers')}
      </label>
      <span className="sync-hint">{t('groups.editOthersHint')}</span>
    </section>
  );
}
