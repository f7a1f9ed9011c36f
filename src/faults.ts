// Named points where a test can crash the process (SIGKILL), to prove that a
// restart on the same database finishes the work with nothing lost or doubled.
// Wired only when the test-only FAULT_INJECTION variable names a point.
export const FAULT_POINTS = ['submit:before-commit', 'decide:after-commit', 'delivery:before-send', 'delivery:after-send'] as const;
export type FaultPoint = (typeof FAULT_POINTS)[number];
export type Faults = (point: FaultPoint) => void;
