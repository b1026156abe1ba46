/**
 * Whether an input differs from what the server rendered (its default): text typed, a choice
 * picked, a box ticked or cleared. Plain DOM, so that it costs the page's first load nothing.
 */
export function differsFromServer(element: Element): boolean {
  if (element instanceof HTMLSelectElement)
    return [...element.options].some((option) => option.selected !== option.defaultSelected);
  if (element instanceof HTMLTextAreaElement) return element.value !== element.defaultValue;
  if (!(element instanceof HTMLInputElement) || element.type === "hidden") return false;
  if (element.type === "checkbox" || element.type === "radio") return element.checked !== element.defaultChecked;
  return element.value !== element.defaultValue;
}

/** Whether the user has already been at work in this part of the page. */
export function touchedBefore(region: Element): boolean {
  if (region.contains(document.activeElement)) return true;
  return [...region.querySelectorAll("input, select, textarea")].some(differsFromServer);
}
