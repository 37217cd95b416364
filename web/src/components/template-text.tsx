import { Fragment } from 'react';

/** The parameter placeholder the miner writes into templates. */
const PARAMETER = '<*>';

/** A log template with each <*> marked as a parameter; `numbered` adds its position (#1, #2…) as the parameter table names them. */
export function TemplateText({ template, numbered = false }: { template: string; numbered?: boolean }) {
  const pieces = template.split(PARAMETER);
  return (
    <span className="template-text mono">
      {pieces.map((piece, index) => (
        <Fragment key={index}>
          {piece}
          {index < pieces.length - 1 ? (
            <mark className="param" title={`parameter #${index + 1}`}>
              {PARAMETER}
              {numbered ? <sub>{index + 1}</sub> : null}
            </mark>
          ) : null}
        </Fragment>
      ))}
    </span>
  );
}
