/**
 * The channel names alone, for the preload: it must refuse unknown channels but should not bundle
 * the schemas. `contract.ts` is checked to define exactly these.
 */
export const channels = [
  'app:info',
  'documents:list',
  'documents:get',
  'documents:import',
  'documents:update',
  'documents:remove',
  'documents:suggestPairs',
  'reading:save',
  'search:query',
  'settings:get',
  'settings:set',
  'backups:list',
  'backups:restore',
  'alignment:get',
  'alignment:save',
  'alignment:reset',
  'annotations:list',
  'annotations:create',
  'annotations:update',
  'annotations:delete',
  'annotations:restore',
  'annotations:export',
  'annotations:import',
  'tags:rename',
  'tags:delete',
] as const;
export type Channel = (typeof channels)[number];
