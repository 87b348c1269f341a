import { describe, expect, it } from 'vitest';
import { markupToText } from './markup';

describe('definition markup as plain text', () => {
  it('keeps a block element and what follows it apart', () => {
    expect(markupToText('<div>Apfel</div><a href="bword://apple">apple</a>')).toBe('Apfel\napple');
    expect(markupToText('<p>Apfel</p>der Baum')).toBe('Apfel\nder Baum');
    expect(markupToText('<ul><li>eins</li></ul>zwei')).toBe('• eins\nzwei');
    expect(markupToText('<blockquote>Zitat</blockquote><i>Quelle</i>')).toBe('Zitat\nQuelle');
    expect(markupToText('<table><tr><td>Apfel</td><td>apple</td></tr><tr><td>Birne</td><td>pear</td></tr></table>')).toBe('Apfel apple\nBirne pear');
  });

  it('reads <br> as a line break, in every spelling', () => {
    expect(markupToText('Apfel<br>apple')).toBe('Apfel\napple');
    expect(markupToText('Apfel<br/>apple')).toBe('Apfel\napple');
    expect(markupToText('Apfel<br />apple<BR>pomme')).toBe('Apfel\napple\npomme');
  });

  it('keeps XDXF parts apart', () => {
    expect(markupToText('<k>Apfel</k><def>apple</def><ex>ein Apfel am Tag</ex>more')).toBe('Apfel\napple\nein Apfel am Tag\nmore');
  });

  it('puts one line break between blocks, not a blank line, and keeps inline markup inline', () => {
    expect(markupToText('<p>eins</p><p>zwei</p>')).toBe('eins\nzwei');
    expect(markupToText('<div><div>eins</div></div><div>zwei</div>')).toBe('eins\nzwei');
    expect(markupToText('<b>Apfel</b> <i>m</i>, <a href="x">apple</a>')).toBe('Apfel m, apple');
    expect(markupToText('Apfel<br><br>apple')).toBe('Apfel\n\napple');
  });

  it('drops scripts and styles with their content', () => {
    expect(markupToText('<style>b{}</style>Apfel<script>alert(1)</script><div>apple</div>')).toBe('Apfel\napple');
  });
});
