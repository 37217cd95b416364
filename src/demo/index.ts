/**
 * The built-in demo: a simulated microservice shop that sends OTLP to opsloop and injects
 * faults on a schedule. createDemo is the entry point; the simulation is usable on its own.
 */
export { createDemo } from './create-demo.js';
export type { Demo, DemoControl, DemoOptions, RunOptions } from './create-demo.js';
export { UnknownRemediationTarget } from './remediation.js';
export { ShopSimulation } from './simulation.js';
export type { DemoChange, SimulationOptions, StepOutput } from './simulation.js';
export { ExportRejectedError } from './otlp-exporter.js';
