import type { MenuItemConstructorOptions } from 'electron';
import { onLocaleChange } from '../../shared/i18n/current';

/** What installAppMenu needs of Electron's Menu. */
export interface MenuApi<M> {
  buildFromTemplate(template: MenuItemConstructorOptions[]): M;
  setApplicationMenu(menu: M | null): void;
}

/**
 * Sets the application menu, and sets it again whenever the interface language changes (Settings →
 * Language, or a setting synced in), so its labels follow without a restart. Returns a function that
 * stops following.
 */
export function installAppMenu<M>(menu: MenuApi<M>, template: () => MenuItemConstructorOptions[]): () => void {
  const set = () => menu.setApplicationMenu(menu.buildFromTemplate(template()));
  set();
  return onLocaleChange(set);
}
