import { t } from '../../../shared/i18n/current';

/** How to get dictionaries: Facing bundles none (their licences differ), but free ones are a command away. */
export function GettingDictionaries({ title }: { title?: string }) {
  return (
    <section className="dict-getting" data-testid={title ? 'dictionaries-empty' : undefined}>
      {title ? <h2 id="dict-getting-title">{title}</h2> : null}
      <p>{t('dict.getIntro')}</p>
      <ul>
        <li>
          <strong>FreeDict</strong> {t('dict.getDebian')}
          <code>sudo apt install dict-freedict-deu-eng</code>
          {t('dict.getDebianMore')}
        </li>
        <li>
          <strong>FreeDict</strong> {t('dict.getElsewhere')}
        </li>
        <li>
          <strong>StarDict</strong> {t('dict.getStardict')}
        </li>
      </ul>
    </section>
  );
}
