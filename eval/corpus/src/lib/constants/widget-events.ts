// Copied from the widget SDK docs. Same values as UNIFIED_EVENTS, but typed out by hand.
const WIDGET_EVENTS = {
  // ruleid: event-name-literal
  MESSAGE: 'message:created',
  // ruleid: event-name-literal
  VISITOR_ACTIVE: 'visitor:active',
  // ok: event-name-literal
  VISITOR_IDLE: 'visitor:idle',
};

export default WIDGET_EVENTS;
export { WIDGET_EVENTS };
