// Errors raised by the mathematics. The language layer catches them and re-raises each with the span
// of the call that caused it; the code is stable (it becomes the diagnostic's code).
export class MathError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MathError';
  }
}
