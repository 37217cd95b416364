/** Log signals (issue 4): the public entry point of src/observe/logs/signals. Pure. */
export { LogSignals, type CountDetector, type LogSignalOutput } from './log-signals.js';
export { logSignalSettings, type LogSignalConfig, type LogSignalSettings } from './log-signal-settings.js';
export { ERROR_COUNT_METRIC, TEMPLATE_COUNT_METRIC, TEMPLATE_LABEL } from './log-series.js';
