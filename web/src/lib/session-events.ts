/** A tiny store: set when the API answers UNAUTHENTICATED (the session ended). */
type Listener = () => void;
let expired = false;
const listeners = new Set<Listener>();

export const sessionEvents = {
  isExpired: () => expired,
  markExpired() {
    if (expired) return;
    expired = true;
    listeners.forEach((l) => l());
  },
  reset() {
    expired = false;
    listeners.forEach((l) => l());
  },
  subscribe(l: Listener) {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};
