/** A file Facing will not import, with the reason in words a user can act on. */
export class ImportRefused extends Error {}
