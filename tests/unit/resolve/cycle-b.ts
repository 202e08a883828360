export { CYCLE } from "./cycle-a";
