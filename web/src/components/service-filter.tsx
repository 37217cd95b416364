import { ServiceSelect } from './service-select.js';

interface Props {
  selected: readonly string[];
  services: readonly string[];
  onChange: (services: readonly string[]) => void;
}

/** Several services at once (an incident names several): one removable chip each, and a select to add one. */
export function ServiceFilter({ selected, services, onChange }: Props) {
  const addable = services.filter((name) => !selected.includes(name));
  return (
    <div className="service-filter" role="group" aria-label="Services">
      {selected.map((name) => (
        <span key={name} className="filter-chip">
          {name}
          <button type="button" aria-label={`Remove service ${name}`} title="Remove" onClick={() => onChange(selected.filter((other) => other !== name))}>
            ×
          </button>
        </span>
      ))}
      <ServiceSelect
        value={undefined}
        services={addable}
        onChange={(name) => (name ? onChange([...selected, name]) : undefined)}
        emptyLabel={selected.length === 0 ? 'All services' : '+ service'}
        label={selected.length === 0 ? 'Service' : 'Add a service'}
      />
    </div>
  );
}
