import type { FormState } from "@/lib/forms/form-state";

/**
 * The refusal of a one-button form (add, remove, buy, give), announced where the button is. A
 * message can also be given directly, for a row with two such forms.
 */
export function InlineFormError({ state, message }: { state?: FormState<unknown>; message?: string | null }) {
  const text = message ?? (state && !state.ok ? state.formError : null);
  if (!text) return null;
  return (
    <span role="alert" className="text-xs text-red-700">
      {text}
    </span>
  );
}
