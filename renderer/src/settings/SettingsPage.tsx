import type { ReactNode } from 'react';
import { BackToLibrary } from '../components/BackToLibrary';
import './page.css';

interface Props {
  /** The page's own class, for the rules beside it. */
  className: string;
  testId: string;
  title: string;
  intro: ReactNode;
  children: ReactNode;
}

/**
 * The frame the settings pages share (Backups, Sync, Dictionaries): the way back to the library, the
 * title and what the page is for. page.css styles it and the pieces they share (settings-page-quiet,
 * settings-page-message with is-error, settings-page-list).
 */
export function SettingsPage({ className, testId, title, intro, children }: Props) {
  return (
    <main className={`settings-page ${className}`} data-testid={testId}>
      <div className="settings-page-bar">
        <BackToLibrary />
      </div>
      <h1>{title}</h1>
      <p className="settings-page-intro">{intro}</p>
      {children}
    </main>
  );
}
