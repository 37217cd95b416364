/**
 * Named failures of forecastSeries, carrying the numbers a caller needs to explain them
 * (the HTTP route turns this one into a 400 that says how much history there was).
 */
export class InsufficientHistoryError extends Error {
  readonly usablePoints: number;
  readonly requiredPoints: number;

  constructor(usablePoints: number, requiredPoints: number) {
    super(`history has ${usablePoints} usable points; a forecast needs at least ${requiredPoints}`);
    this.name = 'InsufficientHistoryError';
    this.usablePoints = usablePoints;
    this.requiredPoints = requiredPoints;
  }
}
