import { Link } from 'wouter';

/** The toolbar's way home, the same on every screen. */
export function BackToLibrary() {
  return (
    <Link href="/" className="button-quiet toolbar-back" aria-label="Back to the library">
      <span aria-hidden="true">←</span> Library
    </Link>
  );
}
