/** Thrown by guards; the action builder, route wrapper and page guard turn them into answers. */
export class UnauthenticatedError extends Error {
  constructor(message = "Please sign in to continue.") {
    super(message);
    this.name = "UnauthenticatedError";
  }
}

export class ForbiddenError extends Error {
  constructor(message = "You do not have permission to do that.") {
    super(message);
    this.name = "ForbiddenError";
  }
}

/** Also used for another organization's data, so that its existence is not revealed. */
export class NotFoundError extends Error {
  constructor(message = "We could not find that.") {
    super(message);
    this.name = "NotFoundError";
  }
}
