export const REEXPORTED = "typing:update";
export const STARRED = "read:receipt";
