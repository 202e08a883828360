import { barrel } from '..';
export const sub = barrel;
