import { SaxesParser } from 'saxes';
import { ImportRefused } from './errors';
import { t } from '../../../shared/i18n/current';

/** Package files are a few kilobytes; these bounds are generous for them and stop hostile ones early. */
export const XML_LIMITS = { bytes: 16 * 1024 * 1024, depth: 256, elements: 200_000 };

export interface XmlElement {
  /** Local name, without a namespace prefix: "title" for <dc:title>. */
  name: string;
  attributes: Record<string, string>;
  /** Local names of the open ancestors, outermost first. */
  path: readonly string[];
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * Parses an XML file in one linear pass, calling `onElement` for each element with its text. It never
 * resolves entities and refuses a DOCTYPE outright (the place entity bombs and external references
 * live), as it refuses a file too large, too deep or with too many elements.
 */
export function parseXml(xml: string, subject: string, onElement: (element: XmlElement, text: () => string) => void): void {
  if (xml.length > XML_LIMITS.bytes) throw new ImportRefused(t('xml.tooLarge', { subject, size: String(Math.round(xml.length / 1048576)) }));
  const parser = new SaxesParser({ xmlns: false, position: false });
  const path: string[] = [];
  const texts: string[][] = [];
  const pending: Array<{ element: XmlElement; text: string[] }> = [];
  let elements = 0;
  let failure: string | undefined;
  parser.on('error', (error) => {
    failure ??= error.message;
    throw new ImportRefused(t('xml.notWellFormed', { subject, detail: error.message }));
  });
  parser.on('doctype', () => {
    throw new ImportRefused(t('xml.doctype', { subject }));
  });
  parser.on('opentag', (tag) => {
    if (++elements > XML_LIMITS.elements) throw new ImportRefused(t('xml.tooManyElements', { subject, count: XML_LIMITS.elements }));
    if (path.length >= XML_LIMITS.depth) throw new ImportRefused(t('xml.tooDeep', { subject, depth: String(XML_LIMITS.depth) }));
    const attributes: Record<string, string> = {};
    for (const [key, value] of Object.entries(tag.attributes)) attributes[key] = String(value);
    const text: string[] = [];
    pending.push({ element: { name: local(tag.name), attributes, path: [...path] }, text });
    texts.push(text);
    path.push(local(tag.name));
  });
  parser.on('text', (data) => {
    for (const text of texts) text.push(data);
  });
  parser.on('closetag', () => {
    path.pop();
    texts.pop();
    const done = pending.pop();
    if (done) onElement(done.element, () => done.text.join(''));
  });
  parser.write(xml).close();
  if (failure) throw new ImportRefused(t('xml.notWellFormed', { subject, detail: failure }));
}
