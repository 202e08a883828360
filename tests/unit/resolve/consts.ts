export const INBOX = "org:acme:conversations";
export const PRESENCE = `org:${"acme"}:agents:presence`;
