/** The crash tests' main note body after save number `index`: grows like typing, with the number inside to tell saves apart. */
export function typedBody(index: number): string {
  return `Save ${index}: ${'the reporter keeps typing about the deployment. '.repeat(1 + (index % 40))}`;
}
