/** The draft of a new application: nothing typed yet. The wizard fills it step by step. */
export const EMPTY_DRAFT = {} as const;
