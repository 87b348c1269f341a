/** How to get dictionaries: Facing bundles none (their licences differ), but free ones are a command away. */
export function GettingDictionaries({ title }: { title?: string }) {
  return (
    <section className="dict-getting" data-testid={title ? 'dictionaries-empty' : undefined}>
      {title ? <h2 id="dict-getting-title">{title}</h2> : null}
      <p>Facing comes without dictionaries, because their licences differ. Free ones are easy to get:</p>
      <ul>
        <li>
          <strong>FreeDict</strong> on Debian or Ubuntu: install the pair you need, for German to English
          <code>sudo apt install dict-freedict-deu-eng</code>
          Other pairs are named the same way (dict-freedict-eng-deu, dict-freedict-fra-deu, …). Facing finds them in /usr/share/dictd by itself.
        </li>
        <li>
          <strong>FreeDict</strong> elsewhere: download a dictionary in “dictd” or “StarDict” form from freedict.org and add its files here.
        </li>
        <li>
          <strong>StarDict</strong> dictionaries you already have: add the .ifo, .idx and .dict.dz files (or an archive of them) with “Add dictionary…”. Files in
          /usr/share/stardict/dic are found without adding them.
        </li>
      </ul>
    </section>
  );
}
