export const EVENTS = { NEW: "new_message", DOTTED: "typing.start" } as const;
