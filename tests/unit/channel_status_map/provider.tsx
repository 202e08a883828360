// A provider whose status callback records the channel's status in states,
// read by tests/unit/test_channel_status_map.c.
import { createContext, useEffect, useState } from "react";

interface Value {
  connected: boolean;
  connectionStatus: string;
  down: boolean;
}

const Context = createContext<Value | null>(null);

export function Provider({ channel }: { channel: any }) {
  const [connected, setConnected] = useState(false);
  const [connectionStatus, setConnectionStatus] = useState("connecting");
  const [down, setDown] = useState(false);
  const [hidden, setHidden] = useState(false);
  useEffect(() => {
    channel.subscribe((status: string, err?: Error) => {
      setConnected(status === "SUBSCRIBED");
      if (status === "CHANNEL_ERROR" || status === "TIMED_OUT") {
        setConnectionStatus("fallback");
      }
      if (status === "CLOSED") setHidden(true);
      if (status === "SUBSCRIBED") setDown(false);
      if (status === "SYSTEM") setConnectionStatus("system");
      if (status === "SYSTEM") setDown(true);
      if (err) console.error(err);
    });
  }, [channel]);
  return <Context.Provider value={{ connected, connectionStatus, down }}>{hidden ? null : null}</Context.Provider>;
}
