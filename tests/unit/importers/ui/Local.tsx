import { barrel } from ".";
export const local = barrel;
