import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';
import { useMemo, useState, type MouseEvent } from 'react';
import { LinkConfirm } from './LinkConfirm';

// Raw HTML in notes is shown as text, never parsed; markdown-it also refuses javascript:, vbscript:
// and data: links. DOMPurify then checks the result again, allowing only web and mail links.
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true });
const purifier = DOMPurify(window);
purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

export function renderMarkdown(source: string): string {
  return purifier.sanitize(markdown.render(source), {
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
    FORBID_TAGS: ['style', 'img', 'svg', 'math', 'form', 'input', 'iframe'],
  });
}

export function Markdown({ source, className }: { source: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  const [asking, setAsking] = useState<string | null>(null);
  // Every click on a link (plain, modified or middle) asks first; nothing opens on its own.
  const onLink = (event: MouseEvent) => {
    const link = (event.target as Element).closest?.('a[href]');
    if (!link) return;
    event.preventDefault();
    event.stopPropagation();
    if (event.type === 'click' || event.button === 1) setAsking((link as HTMLAnchorElement).href);
  };
  return (
    <>
      <div className={`markdown ${className ?? ''}`} dangerouslySetInnerHTML={{ __html: html }} onClick={onLink} onAuxClick={onLink} />
      {asking ? <LinkConfirm url={asking} onClose={() => setAsking(null)} /> : null}
    </>
  );
}
