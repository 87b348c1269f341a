// pouchdb ships no types; sync/pouch.ts gives the part Facing uses a narrow interface.
declare module 'pouchdb' {
  const PouchDB: new (name: string, options?: Record<string, unknown>) => unknown;
  export default PouchDB;
}
