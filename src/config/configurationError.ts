/** Invalid or missing application settings. The message names every setting at fault and never includes a value. */
export class ConfigurationError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(problems.join(" "));
    this.name = "ConfigurationError";
    this.problems = problems;
  }
}
