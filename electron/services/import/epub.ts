import { posix } from 'node:path';
import { ImportRefused } from './errors';
import { htmlToBlocks, type Extracted } from './html';
import { TextBudget } from './limits';
import { parseXml } from './xml';
import { readZip } from './zip';
import { t } from '../../../shared/i18n/current';

/** Only the package files and the chapters are inflated; pictures and fonts never are. */
const TEXT_ENTRY = /(\.(xml|opf|xhtml|html|htm|ncx)|^mimetype)$/i;

/** A manifest href as a path in the archive; a malformed escape ("100%.xhtml") is taken literally. */
function hrefPath(base: string, href: string): string {
  let path = href.split('#')[0]!;
  try {
    path = decodeURIComponent(path);
  } catch {
    // Not an escape at all: the file is named with a bare "%".
  }
  return posix.normalize(posix.join(base, path));
}

interface Package {
  manifest: Map<string, string>;
  spine: string[];
  title?: string;
  language?: string;
}

function readPackage(opf: string): Package {
  const manifest = new Map<string, string>();
  const spine: string[] = [];
  const titles: string[] = [];
  let language: string | undefined;
  parseXml(opf, t('xml.opf'), (element, text) => {
    const inMetadata = element.path.includes('metadata');
    if (element.name === 'item' && element.attributes.id && element.attributes.href) manifest.set(element.attributes.id, element.attributes.href);
    else if (element.name === 'itemref' && element.attributes.idref) spine.push(element.attributes.idref);
    else if (inMetadata && element.name === 'title') titles.push(text().replace(/\s+/g, ' ').trim());
    else if (inMetadata && element.name === 'language') language ??= text().trim() || undefined;
  });
  // Several <dc:title> elements are a title and its subtitle; EPUB 3 marks them with refinements, which
  // most books do not use, so the first one is the title.
  const title = titles.find(Boolean);
  return { manifest, spine, ...(title ? { title } : {}), ...(language ? { language } : {}) };
}

/** An EPUB's text in reading (spine) order, with its title and language from the package file. */
export async function epubToBlocks(bytes: Buffer, budget: TextBudget): Promise<Extracted> {
  const files = await readZip(bytes, t('zip.thisEpub'), (name) => TEXT_ENTRY.test(name));
  const container = files.get('META-INF/container.xml')?.toString('utf8');
  if (!container) throw new ImportRefused(t('importService.epubNoContainer'));
  let opfPath: string | undefined;
  parseXml(container, t('xml.container'), (element) => {
    if (element.name === 'rootfile') opfPath ??= element.attributes['full-path'];
  });
  const opf = opfPath ? files.get(opfPath)?.toString('utf8') : undefined;
  if (!opfPath || !opf) throw new ImportRefused(opfPath ? t('importService.epubOpfMissing', { path: opfPath }) : t('importService.epubOpfUnnamed'));
  const { manifest, spine, title, language } = readPackage(opf);
  const base = posix.dirname(opfPath);
  const blocks: Extracted['blocks'] = [];
  for (const idref of spine) {
    const href = manifest.get(idref);
    if (!href) continue;
    const page = files.get(hrefPath(base, href));
    if (!page) continue;
    for (const block of htmlToBlocks(page.toString('utf8'), { xml: true }).blocks) {
      budget.add(block.text);
      blocks.push(block);
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { blocks, ...(title ? { title } : {}), ...(language ? { language } : {}) };
}
