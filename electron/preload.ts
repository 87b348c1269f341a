import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { exposeBridge } from './shell/bridge';

exposeBridge(contextBridge, ipcRenderer, (file) => webUtils.getPathForFile(file));
