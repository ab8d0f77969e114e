import type { AnyField } from '~/components/ui/field';
import { TextField } from '~/components/ui/field';
import { ChoiceField, SelectField, TextAreaField } from '~/components/ui/form';
import { VERSION_LABELS } from '~/domain/journey/types';
import { VERSION_LABEL_VALUES } from '~/schemas/journey';

/** Which version a map is (as-is, to-be, other) and its name: describing a map, or copying it. */
export function VersionFields({
  fields,
  legend,
}: {
  fields: Record<'versionLabel' | 'versionName', AnyField>;
  legend: string;
}) {
  return (
    <>
      <ChoiceField
        field={fields.versionLabel}
        legend={legend}
        type="radio"
        options={VERSION_LABEL_VALUES.map((v) => ({ value: v, label: VERSION_LABELS[v] }))}
      />
      <TextField
        field={fields.versionName}
        label="Version name (optional)"
        hint="For example: 2027 redesign"
      />
    </>
  );
}

/** The fields describing a journey map (used by new, import and edit). */
export function JourneyDetailsFields({
  fields,
  projects,
  withTitle = true,
}: {
  fields: Record<
    'title' | 'personas' | 'description' | 'versionLabel' | 'versionName' | 'projectId',
    AnyField
  >;
  projects: { id: number; name: string }[];
  withTitle?: boolean;
}) {
  return (
    <>
      {withTitle ? <TextField field={fields.title} label="Title" /> : null}
      <TextAreaField
        field={fields.personas}
        label="Personas and actors"
        rows={2}
        hint="Who goes through this journey."
      />
      {withTitle ? (
        <TextField
          field={fields.description}
          label="Description"
          hint="One line; screen readers announce it with the diagram."
        />
      ) : null}
      <VersionFields fields={fields} legend="Version" />
      <SelectField
        field={fields.projectId}
        label="Project (optional)"
        placeholder="The whole portfolio"
        options={projects.map((p) => ({ value: p.id, label: p.name }))}
      />
    </>
  );
}
