import { contextBridge, ipcRenderer } from 'electron';
import { exposeBridge } from './shell/bridge';

exposeBridge(contextBridge, ipcRenderer);
