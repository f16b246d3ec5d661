/** One append-only schema step: applied once, in order, inside one transaction. */
export interface Migration {
  version: number;
  name: string;
  up: string;
}
