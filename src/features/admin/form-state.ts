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

/**
 * An uploaded file, or undefined when none was chosen: the browser then sends an empty file,
 * whose empty name does not survive the server action's multipart decoding (it arrives
 * with a name), so an empty file counts as none.
 */
export const formFile = (form: FormData, name: string): File | undefined => {
  const value = form.get(name);
  return value instanceof File && value.size > 0 ? value : undefined;
};
