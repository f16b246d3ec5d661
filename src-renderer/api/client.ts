import type { ApiClient } from '../../src-main/contract/api';
import { createHttpClient } from './http-client';
import { createPreloadClient, findBridge } from './preload-client';

let client: ApiClient | null = null;

/** The workbench's one client of the contract: the preload bridge inside Electron, HTTP in a browser. */
export function api(): ApiClient {
  if (client === null) {
    const bridge = findBridge();
    client = bridge ? createPreloadClient(bridge) : createHttpClient();
  }
  return client;
}
