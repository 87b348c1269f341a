import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * Whether the page is being printed (Ctrl+P, "Save as PDF") or shown as print media. On `beforeprint`
 * the state is set synchronously, so what depends on it is in the DOM before the page is laid out for print.
 */
export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(() => typeof matchMedia === 'function' && matchMedia('print').matches);
  useEffect(() => {
    const query = matchMedia('print');
    const before = () => flushSync(() => setPrinting(true));
    const follow = () => setPrinting(query.matches);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', follow);
    query.addEventListener('change', follow);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', follow);
      query.removeEventListener('change', follow);
    };
  }, []);
  return printing;
}
