import type { UseFormRegisterReturn } from "react-hook-form";

/**
 * A registration (as use-input-before-hydration.ts hands it out, with the group's starting
 * value) spread on one radio or checkbox of a group: the group's value becomes this input's own
 * `defaultChecked`, and the input keeps its own `value`.
 */
export function checkableRegistration(registration: UseFormRegisterReturn, value: string) {
  const { defaultValue, defaultChecked, ...rest } = registration as UseFormRegisterReturn & {
    defaultValue?: string | readonly string[];
    defaultChecked?: boolean;
  };
  const checked =
    defaultValue === undefined
      ? defaultChecked
      : Array.isArray(defaultValue)
        ? defaultValue.includes(value)
        : defaultValue === value;
  return { ...rest, ...(checked === undefined ? {} : { defaultChecked: checked }) };
}
