export type T = { id: string };
