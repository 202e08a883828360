export const Panel = () => null;
