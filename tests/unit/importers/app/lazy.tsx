import dynamic from "next/dynamic";
export const Lazy = dynamic(() => import("@/ui/lazy"));
