export { EVENTS_SOURCE, eventFingerprint, eventToSignal, eventsToSignals } from './event-to-signal.js';
