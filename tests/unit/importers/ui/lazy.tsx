export default function Lazy() { return null; }
