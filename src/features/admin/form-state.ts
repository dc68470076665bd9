// Reading admin forms: fields as strings for the schema.

/** Form fields as strings; empty optional fields become undefined so that the schema sees them as absent. */
export const formText = (form: FormData, key: string): string | undefined => {
  const value = form.get(key);
  return typeof value === "string" ? value : undefined;
};

export const formOptional = (form: FormData, key: string): string | undefined => {
  const value = formText(form, key)?.trim();
  return value ? value : undefined;
};
