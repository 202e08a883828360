// Copied from the widget SDK docs. Same values as UNIFIED_EVENTS, but typed out by hand.
const WIDGET_EVENTS = {
  // ok: event-name-literal
  MESSAGE: 'message:created',
  // ok: event-name-literal
  VISITOR_ACTIVE: 'visitor:active',
  // ok: event-name-literal
  VISITOR_IDLE: 'visitor:idle',
};

export default WIDGET_EVENTS;
export { WIDGET_EVENTS };
