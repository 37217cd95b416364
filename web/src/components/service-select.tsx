interface Props {
  value: string | undefined;
  services: readonly string[];
  onChange: (service: string | undefined) => void;
  /** The empty choice: "All services", or "+ service" when it adds to a list. */
  emptyLabel?: string;
  label?: string;
}

/** One service out of those seen in telemetry, or none. */
export function ServiceSelect({ value, services, onChange, emptyLabel = 'All services', label = 'Service' }: Props) {
  // A service from the URL that has no telemetry (yet, or any more) stays selectable.
  const names = value !== undefined && !services.includes(value) ? [value, ...services] : services;
  return (
    <select aria-label={label} value={value ?? ''} onChange={(event) => onChange(event.target.value || undefined)}>
      <option value="">{emptyLabel}</option>
      {names.map((name) => (
        <option key={name} value={name}>
          {name}
        </option>
      ))}
    </select>
  );
}
