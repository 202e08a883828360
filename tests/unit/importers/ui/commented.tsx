export const Commented = () => null;
