import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRange } from '../../shared/annotations/anchoring';
import { dispatch } from '../../shared/ipc/dispatch';
import type { Annotation } from '../../shared/model/annotation';
import { openServices } from './handlers';
import { startCouch, type CouchServer } from './sync/pouchdb-server.fixture';
import { tempDirs } from './test-support';

const bundled = join(import.meta.dirname, '..', '..', 'corpus');
const temp = tempDirs('facing-groups-');

async function open(dataDir = temp()) {
  const services = await openServices({ dataDir, corpusDir: bundled, shell: 'web', version: 'test', warmAfterMs: 60_000 });
  const doc = await services.handlers['documents:get']({ id: '000' });
  const highlight = (phrase: string, extra: object = {}) => {
    const start = doc.text.indexOf(phrase);
    return services.handlers['annotations:create']({ documentId: '000', target: describeRange(doc.text, start, start + phrase.length), colour: 'yellow', tags: [], note: '', ...extra });
  };
  return { services, handlers: services.handlers, doc, highlight, dataDir };
}

/** An annotation Ana made on another computer, brought in as a sync would bring it (through an import). */
async function anas(setup: Awaited<ReturnType<typeof open>>, phrase: string, extra: Partial<Annotation> = {}): Promise<Annotation> {
  const start = setup.doc.text.indexOf(phrase);
  const annotation: Annotation = {
    id: crypto.randomUUID(),
    documentId: '000',
    target: describeRange(setup.doc.text, start, start + phrase.length),
    colour: 'green',
    tags: ['finance'],
    note: 'Ana’s note',
    created: '2026-11-30T10:00:00.000Z',
    modified: '2026-11-30T10:00:00.000Z',
    creator: 'Ana',
    ...extra,
  };
  await setup.handlers['annotations:import']({ content: JSON.stringify({ format: 'facing-annotations', version: 1, exported: annotation.created, annotations: [annotation] }) });
  return annotation;
}

describe('reading groups: another person’s annotations', () => {
  it('can be replied to; the reply carries the passage, its creator and the annotation it answers', async () => {
    const setup = await open();
    const theirs = await anas(setup, 'angel funds');
    const reply = await setup.handlers['annotations:reply']({ to: theirs.id, note: 'I *agree*' });
    expect(reply).toMatchObject({ replyTo: theirs.id, documentId: '000', target: theirs.target, note: 'I *agree*', tags: [], anchor: { start: theirs.target.position.start } });
    expect(reply.creator).toBeUndefined();
    // A reply to a reply joins the same thread.
    const again = await setup.handlers['annotations:reply']({ to: reply.id, note: 'Second' });
    expect(again.replyTo).toBe(theirs.id);
    expect((await setup.handlers['annotations:list']({ documentId: '000' })).map((a) => a.id).sort()).toEqual([theirs.id, reply.id, again.id].sort());
  });

  it('never stores a reply to itself or a loop of replies: such annotations stay highlights', async () => {
    const setup = await open();
    const mine = await setup.highlight('angel funds');
    const [restored] = await setup.handlers['annotations:restore']({ annotations: [{ ...mine, replyTo: mine.id }] });
    expect(restored!.replyTo).toBeUndefined();
    const start = setup.doc.text.indexOf('talent pool');
    const base = { documentId: '000', target: describeRange(setup.doc.text, start, start + 11), colour: 'green' as const, tags: [], note: 'x', created: '2026-11-30T10:00:00.000Z', modified: '2026-11-30T10:00:00.000Z' };
    const [a, b] = [crypto.randomUUID(), crypto.randomUUID()];
    await setup.handlers['annotations:import']({ content: JSON.stringify({ format: 'facing-annotations', version: 1, exported: base.created, annotations: [{ ...base, id: a, replyTo: b }, { ...base, id: b, replyTo: a }] }) });
    const listed = await setup.handlers['annotations:list']({ documentId: '000' });
    expect(listed.filter((x) => x.id === a || x.id === b).map((x) => x.replyTo)).toEqual([undefined, undefined]);
  });

  it('refuses an empty reply and a reply to nothing', async () => {
    const setup = await open();
    const mine = await setup.highlight('angel funds');
    expect(await dispatch(setup.handlers, 'annotations:reply', { to: mine.id, note: '  ' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await dispatch(setup.handlers, 'annotations:reply', { to: crypto.randomUUID(), note: 'Hello' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('cannot be edited, deleted, restored over or retagged, with a clear message, until Settings allows it', async () => {
    const setup = await open();
    const theirs = await anas(setup, 'angel funds');
    const mine = await setup.highlight('Jinfeng Laboratory', { tags: ['finance'] });
    const refusal = { ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/This is Ana’s annotation: you can read it and reply, but not change or delete it.*Let me edit other people’s annotations/) } };
    expect(await dispatch(setup.handlers, 'annotations:update', { id: theirs.id, patch: { note: 'mine now' } })).toMatchObject(refusal);
    expect(await dispatch(setup.handlers, 'annotations:delete', { ids: [mine.id, theirs.id] })).toMatchObject(refusal);
    expect(await dispatch(setup.handlers, 'annotations:restore', { annotations: [{ ...theirs, note: 'overwritten' }] })).toMatchObject(refusal);
    // Nothing was changed by the refused calls, not even the person's own annotation in the same request.
    expect((await setup.handlers['annotations:list']({})).map((a) => [a.id, a.note]).sort()).toEqual([[theirs.id, 'Ana’s note'], [mine.id, '']].sort());

    const before = await setup.handlers['tags:rename']({ from: 'finance', to: 'money' });
    expect(before.map((a) => a.id)).toEqual([mine.id]);
    expect((await setup.handlers['annotations:list']({})).find((a) => a.id === theirs.id)!.tags).toEqual(['finance']);
    expect((await setup.handlers['tags:delete']({ tag: 'finance' })).map((a) => a.id)).toEqual([]);

    // In German, the refusal is German.
    await setup.handlers['settings:set']({ patch: { language: 'de' } });
    expect(await dispatch(setup.handlers, 'annotations:update', { id: theirs.id, patch: { colour: 'pink' } })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Dies ist eine Anmerkung von Ana/) } });
    await setup.handlers['settings:set']({ patch: { language: 'en' } });

    await setup.handlers['settings:set']({ patch: { editOthers: true } });
    expect(await setup.handlers['annotations:update']({ id: theirs.id, patch: { note: 'Edited with permission' } })).toMatchObject({ note: 'Edited with permission', creator: 'Ana' });
    expect((await setup.handlers['annotations:delete']({ ids: [theirs.id] })).map((a) => a.id)).toEqual([theirs.id]);
  });

  it('an import that would change another’s annotation is refused whole; new annotations by others are added', async () => {
    const setup = await open();
    const theirs = await anas(setup, 'angel funds');
    const changed = { ...theirs, note: 'Rewritten by a file', modified: '2026-12-01T10:00:00.000Z' };
    const fresh = { ...theirs, id: crypto.randomUUID(), note: 'Ben’s', creator: 'Ben' };
    const content = JSON.stringify({ format: 'facing-annotations', version: 1, exported: changed.modified, annotations: [fresh, changed] });
    expect(await dispatch(setup.handlers, 'annotations:import', { content })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Ana’s annotation/) } });
    expect((await setup.handlers['annotations:list']({})).map((a) => a.note)).toEqual(['Ana’s note']);
    await setup.handlers['settings:set']({ patch: { editOthers: true } });
    expect(await setup.handlers['annotations:import']({ content })).toMatchObject({ added: 1, updated: 1 });
  });

  it('the setting is off by default and kept across a restart', async () => {
    const setup = await open();
    expect((await setup.handlers['settings:get']({})).editOthers).toBe(false);
    await setup.handlers['settings:set']({ patch: { editOthers: true } });
    await setup.services.close();
    const again = await open(setup.dataDir);
    expect((await again.handlers['settings:get']({})).editOthers).toBe(true);
  });

  it('one’s own reply to another’s annotation stays editable and deletable', async () => {
    const setup = await open();
    const theirs = await anas(setup, 'angel funds');
    const reply = await setup.handlers['annotations:reply']({ to: theirs.id, note: 'First' });
    expect(await setup.handlers['annotations:update']({ id: reply.id, patch: { note: 'Better' } })).toMatchObject({ note: 'Better' });
    expect((await setup.handlers['annotations:delete']({ ids: [reply.id] })).map((a) => a.id)).toEqual([reply.id]);
  });

  it('replies are kept when the annotation they answer is deleted, and leave pair exports alone', async () => {
    const setup = await open();
    const mine = await setup.highlight('angel funds', { note: 'Question' });
    const theirReply = await anas(setup, 'angel funds', { replyTo: mine.id, note: 'Answer', tags: [] });
    await setup.handlers['annotations:delete']({ ids: [mine.id] });
    const left = await setup.handlers['annotations:list']({});
    expect(left.map((a) => [a.id, a.replyTo, a.note])).toEqual([[theirReply.id, mine.id, 'Answer']]);
    expect(left[0]!.anchor).not.toBeNull();
  });

  it('the W3C export holds replies that target their annotation, and imports back into an empty store', async () => {
    const setup = await open();
    const theirs = await anas(setup, 'angel funds');
    const reply = await setup.handlers['annotations:reply']({ to: theirs.id, note: 'Thanks' });
    const file = await setup.handlers['annotations:export']({ format: 'w3c' });
    const items = JSON.parse(file.content).first.items as Array<Record<string, unknown>>;
    expect(items.find((i) => i.id === `urn:uuid:${reply.id}`)).toMatchObject({ motivation: 'replying', target: `urn:uuid:${theirs.id}` });
    expect(items.find((i) => i.id === `urn:uuid:${theirs.id}`)).toMatchObject({ creator: { type: 'Person', name: 'Ana' } });
    const fresh = await open();
    expect(await fresh.handlers['annotations:import']({ content: file.content })).toMatchObject({ added: 2 });
    const back = await fresh.handlers['annotations:list']({});
    expect(back.find((a) => a.id === reply.id)).toMatchObject({ replyTo: theirs.id, note: 'Thanks', target: theirs.target });
    expect(back.find((a) => a.id === theirs.id)).toMatchObject({ creator: 'Ana' });
  });
});

describe('reading groups through a real CouchDB server', { timeout: 90_000 }, () => {
  let couch: CouchServer;
  beforeAll(async () => {
    couch = await startCouch();
  });
  afterAll(async () => {
    await couch.dispose();
  });

  async function eventually(check: () => Promise<void>, ms = 20_000): Promise<void> {
    const until = Date.now() + ms;
    for (;;) {
      try {
        return await check();
      } catch (error) {
        if (Date.now() > until) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  it('a reply made on A appears under B’s annotation on B; A may reply to it but not edit it', async () => {
    const join = async (name: string): Promise<Awaited<ReturnType<typeof open>>> => {
      const setup = await open();
      await setup.handlers['sync:set']({ url: couch.url, database: 'group-replies', username: '', displayName: name, enabled: true, password: '' });
      return setup;
    };
    const a = await join('Ana');
    const b = await join('Ben');
    try {
      const note = await b.highlight('talent pool has expanded', { note: 'Is 15% right?' });
      expect(note.creator).toBe('Ben');
      await eventually(async () => expect((await a.handlers['annotations:list']({})).map((x) => x.id)).toEqual([note.id]));
      expect(await dispatch(a.handlers, 'annotations:update', { id: note.id, patch: { note: 'Ana was here' } })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Ben’s annotation/) } });

      const reply = await a.handlers['annotations:reply']({ to: note.id, note: 'Yes, see the annex.' });
      await eventually(async () => {
        const onB = await b.handlers['annotations:list']({ documentId: '000' });
        expect(onB.find((x) => x.id === reply.id)).toMatchObject({ replyTo: note.id, creator: 'Ana', note: 'Yes, see the annex.', anchor: { start: note.anchor!.start } });
      });
      // B's own annotation stays B's to change; A's reply is A's.
      expect(await dispatch(b.handlers, 'annotations:delete', { ids: [reply.id] })).toMatchObject({ ok: false });
      await b.handlers['annotations:update']({ id: note.id, patch: { note: 'Is 15% right? Checked.' } });
      await eventually(async () => expect((await a.handlers['annotations:list']({})).find((x) => x.id === note.id)?.note).toBe('Is 15% right? Checked.'));
    } finally {
      await a.services.close();
      await b.services.close();
    }
  });
});
