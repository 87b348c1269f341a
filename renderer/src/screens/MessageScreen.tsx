import { Link } from 'wouter';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { useT } from '../i18n/useT';

export function MessageScreen({ title, message }: { title: string; message: string }) {
  useDocumentTitle(title);
  const t = useT();
  return (
    <main className="message-screen" data-testid="message-screen">
      <h1>{title}</h1>
      <p>{message}</p>
      <Link href="/" className="button">
        {t('common.backToLibrary')}
      </Link>
    </main>
  );
}
