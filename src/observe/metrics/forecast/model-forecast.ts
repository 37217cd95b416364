/** What every candidate forecasting model returns: point forecasts and forecast-error variances for steps 1..horizon. */
export interface ModelForecast {
  mean: number[];
  variance: number[];
}
