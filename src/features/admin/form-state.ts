// Reading admin forms: uploaded files (text fields: formText/formOptional in @/server/action).

/**
 * An uploaded file, or undefined when none was chosen: the browser then sends an empty file,
 * whose empty name does not survive the server action's multipart decoding (it arrives
 * with a name), so an empty file counts as none.
 */
export const formFile = (form: FormData, name: string): File | undefined => {
  const value = form.get(name);
  return value instanceof File && value.size > 0 ? value : undefined;
};
