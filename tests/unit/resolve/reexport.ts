export { REEXPORTED } from "./inner";
export * from "./inner";
