import { Link } from 'wouter';
import { useDocumentTitle } from '../components/useDocumentTitle';

export function MessageScreen({ title, message }: { title: string; message: string }) {
  useDocumentTitle(title);
  return (
    <main className="message-screen" data-testid="message-screen">
      <h1>{title}</h1>
      <p>{message}</p>
      <Link href="/" className="button">
        Back to the library
      </Link>
    </main>
  );
}
