export { CYCLE } from "./cycle-b";
