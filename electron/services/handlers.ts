import type { Handlers } from '../../shared/ipc/contract';
import type { AppInfo } from '../../shared/model/app';
import { SettingsSchema } from '../../shared/model/settings';
import { createAlignmentService } from './alignment';
import { createAnnotationService } from './annotations';
import { openCorpus } from './corpus';
import { openStore } from './store';

export interface ServiceOptions {
  dataDir: string;
  corpusDir: string;
  shell: AppInfo['shell'];
  version: string;
}

export interface Services {
  handlers: Handlers;
  storePath: string;
}

/** Opens every service and binds them to the contract. Electron and the web host both call this. */
export async function openServices(options: ServiceOptions): Promise<Services> {
  const store = await openStore(options.dataDir);
  const corpus = await openCorpus(options.corpusDir);
  const alignments = createAlignmentService(corpus, store);
  const annotations = await createAnnotationService(corpus, store);

  const handlers: Handlers = {
    'app:info': async () => ({
      version: options.version,
      dataDir: options.dataDir,
      shell: options.shell,
      notices: [...store.notices, ...corpus.notices, ...annotations.notices],
    }),
    'documents:list': () => corpus.list(),
    'documents:get': ({ id }) => corpus.get(id),
    'settings:get': async () => store.data.settings,
    'settings:set': async ({ patch }) => {
      await store.commit([{ c: 'settings', v: SettingsSchema.parse({ ...store.data.settings, ...patch }) }]);
      return store.data.settings;
    },
    'alignment:get': ({ left, right }) => alignments.get(left, right),
    'alignment:save': ({ left, right, rows }) => alignments.save(left, right, rows),
    'alignment:reset': ({ left, right }) => alignments.reset(left, right),
    'annotations:list': ({ documentId }) => annotations.list(documentId),
    'annotations:create': (draft) => annotations.create(draft),
    'annotations:update': ({ id, patch }) => annotations.update(id, patch),
    'annotations:delete': ({ ids }) => annotations.remove(ids),
    'annotations:restore': ({ annotations: list }) => annotations.restore(list),
    'annotations:export': ({ format, documentId }) => annotations.export(format, documentId),
    'annotations:import': ({ content }) => annotations.import(content),
    'tags:rename': ({ from, to }) => annotations.renameTag(from, to),
    'tags:delete': ({ tag }) => annotations.deleteTag(tag),
  };
  return { handlers, storePath: store.path };
}
