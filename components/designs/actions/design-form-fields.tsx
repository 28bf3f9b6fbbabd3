import { TextAreaField, TextField } from "@/components/ui/text-field";

type Props = {
  name: string;
  description: string;
  onName: (v: string) => void;
  onDescription: (v: string) => void;
  errors: Record<string, string>;
};

export function DesignFormFields({ name, description, onName, onDescription, errors }: Props) {
  return (
    <div className="space-y-4">
      <TextField
        label="Name"
        name="name"
        value={name}
        onChange={(e) => onName(e.target.value)}
        error={errors.name}
        autoFocus
        maxLength={250}
        placeholder="e.g. checkout-production"
      />
      <TextAreaField
        label="Description"
        name="description"
        value={description}
        onChange={(e) => onDescription(e.target.value)}
        error={errors.description}
        rows={3}
        hint="Optional. What this workload is and where it runs."
      />
    </div>
  );
}
