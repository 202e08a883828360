// Status callbacks of components, in the order tests/unit/test_channel_status_map.c reads them.
declare function setPolling(on: boolean): void;
declare function setLive(on: boolean): void;
declare function poll(): void;

export const oneIf = (status: string) => {
  if (status === "CHANNEL_ERROR" || "TIMED_OUT" === status) setPolling(true);
};
export const switchCase = (status: string) => {
  switch (status) {
    case "CHANNEL_ERROR":
    case "TIMED_OUT":
      // the comment goes along
      setPolling(true);
      poll();
      break;
    default:
      break;
  }
};
export const tracker = (status: string) => setLive(status === "SUBSCRIBED");
export const readsStatus = (status: string) => {
  if (status === "CHANNEL_ERROR") console.warn(status);
};
export const returns = (status: string) => {
  if (status === "CHANNEL_ERROR") return;
};
export const twoCases = (status: string) => {
  switch (status) {
    case "CHANNEL_ERROR":
      setPolling(true);
      break;
    case "SUBSCRIBED":
      setPolling(false);
      break;
  }
};
export const withError = (status: string, err?: Error) => {
  if (status === "CHANNEL_ERROR") setPolling(!!err);
};
export const hasElse = (status: string) => {
  if (status === "CHANNEL_ERROR") setPolling(true);
  else setPolling(false);
};
