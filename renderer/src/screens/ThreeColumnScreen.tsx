import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import { sentenceSpans } from '../../../shared/alignment/rows';
import { mergeAlignments, type ThreeWayRow } from '../../../shared/alignment/three';
import type { Document } from '../../../shared/model/document';
import { api } from '../api';
import { ReadingSettings } from '../components/ReadingSettings';
import { BackToLibrary } from '../components/BackToLibrary';
import { useDocumentTitle } from '../components/useDocumentTitle';
import { useLoad } from '../components/useLoad';
import { Cell } from '../parallel/Cell';
import { MessageScreen } from './MessageScreen';
import '../parallel/parallel.css';
import { t } from '../../../shared/i18n/current';
import { LanguageBadge } from '../components/LanguageBadge';

interface ThreeWay {
  docs: [Document, Document, Document];
  rows: ThreeWayRow[];
}

async function loadThreeWay(original: string, first: string, second: string): Promise<ThreeWay> {
  const [o, a, b, withFirst, withSecond] = await Promise.all([
    api.invoke('documents:get', { id: original }),
    api.invoke('documents:get', { id: first }),
    api.invoke('documents:get', { id: second }),
    api.invoke('alignment:get', { left: original, right: first }),
    api.invoke('alignment:get', { left: original, right: second }),
  ]);
  return { docs: [o, a, b], rows: mergeAlignments(withFirst.rows, withSecond.rows) };
}

const keys = ['original', 'first', 'second'] as const;

/** An original and two translations in aligned rows. Reading only: alignments are edited a pair at a time. */
export function ThreeColumnScreen({ original, first, second }: { original: string; first: string; second: string }) {
  const loaded = useLoad(`${original}/${first}/${second}`, () => loadThreeWay(original, first, second));
  const docs = loaded.state === 'ready' ? loaded.value.docs : null;
  const sides = useMemo(() => docs?.map((doc) => ({ doc, spans: sentenceSpans(doc), marks: [] })) ?? [], [docs]);
  const [hovered, setHovered] = useState<number | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const rows = loaded.state === 'ready' ? loaded.value.rows : [];
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => 120, overscan: 6 });
  useDocumentTitle(docs ? t('three.windowTitle', { title: docs[0].meta.title }) : null);

  if (loaded.state === 'failed') return <MessageScreen title={t('parallel.cannotOpen')} message={loaded.error.message} />;
  if (!docs) return <p className="reader-loading">{t('parallel.aligning')}</p>;

  return (
    <div className="parallel three-columns">
      <header className="reader-toolbar parallel-toolbar">
        <BackToLibrary />
        <span className="toolbar-title">{t('three.title')}</span>
        {docs.slice(1).map((doc) => (
          <Link key={doc.meta.id} href={`/parallel/${encodeURIComponent(original)}/${encodeURIComponent(doc.meta.id)}`} className="button-quiet" title={t('three.editTitle')}>
            {t('three.edit', { pair: `${docs[0].meta.language.toUpperCase()}–${doc.meta.language.toUpperCase()}` })}
          </Link>
        ))}
        <ReadingSettings />
      </header>
      <div className="parallel-main">
        <div className="column-heads" data-testid="column-heads">
          <span className="column-gutter" />
          {docs.map((doc) => (
            <Link key={doc.meta.id} href={`/read/${encodeURIComponent(doc.meta.id)}`} className="column-head">
              <LanguageBadge tag={doc.meta.language} />
              <span className="column-title">{doc.meta.title}</span>
            </Link>
          ))}
        </div>
        <div className="parallel-scroll" ref={scroller} data-testid="parallel-rows" onMouseLeave={() => setHovered(null)} tabIndex={0} aria-label={t('parallel.rows')}>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index]!;
              return (
                <div
                  key={item.key}
                  ref={virtualizer.measureElement}
                  data-index={item.index}
                  data-testid="parallel-row"
                  className={`prow${row.startsParagraph ? ' starts-paragraph' : ''}`}
                  style={{ transform: `translateY(${item.start}px)` }}
                  onMouseEnter={() => setHovered(item.index)}
                >
                  <div className="prow-gutter" aria-hidden="true">
                    <span className="prow-number">{item.index + 1}</span>
                  </div>
                  {keys.map((key, k) => (
                    <Cell key={key} column={k === 0 ? 'left' : 'right'} ids={row[key]} side={sides[k]!} linked={hovered === item.index} />
                  ))}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
