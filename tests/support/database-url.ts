export const TEMPLATE_DATABASE = "yttra_test_template";

export const withDatabase = (url: string, database: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

/** Tests create and drop databases: refuse anything that is not on this machine. */
export const assertLocalDatabase = (url: string): void => {
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "[::1]", "::1"].includes(host)) {
    throw new Error(`Refusing to run tests against a non-local database (${host}).`);
  }
};
