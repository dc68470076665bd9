// Keys of template sections. A key names a section's text inside every statement made from
// the template, so admins never type one: a section added in the admin form gets a key
// derived from its heading, and an existing section keeps its key when its heading is
// renamed (statements of older template versions keep finding their text). Pure: the
// service and tests use it.
import { RESERVED_SECTION_KEYS, type TTemplateSection, type TTemplateSectionInput } from "./schemas";

/** ZSectionKeySchema allows 40 characters; the base leaves room for a "-99" suffix. */
const MAX_BASE_LENGTH = 36;
const FALLBACK_KEY = "avsnitt";

/** "Ekonomiska konsekvenser" → "ekonomiska-konsekvenser"; å/ä → a, ö → o, é → e. */
export const slugifyHeading = (heading: string): string =>
  heading
    .toLocaleLowerCase("sv-SE")
    // Decomposes å, ä, ö, é … into a base letter and a combining mark, which is then dropped.
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/gu, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

/** A key for a new section: the heading's slug, unique among `taken` and never a reserved key. */
export const sectionKeyFromHeading = (heading: string, taken: ReadonlySet<string>): string => {
  const slug = slugifyHeading(heading).slice(0, MAX_BASE_LENGTH).replace(/-+$/, "");
  // A key starts with a letter and has at least two characters ("2024 års budget" → "avsnitt-2024-ars-budget").
  const base = /^[a-z][a-z0-9-]+$/.test(slug) ? slug : slug ? `${FALLBACK_KEY}-${slug}`.slice(0, MAX_BASE_LENGTH).replace(/-+$/, "") : FALLBACK_KEY;
  const free = (candidate: string) => !taken.has(candidate) && !RESERVED_SECTION_KEYS.has(candidate);
  if (free(base)) return base;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${base}-${suffix}`;
    if (free(candidate)) return candidate;
  }
};

/** Keeps the keys the sections have and gives the new ones a key from their heading, in order. */
export const assignSectionKeys = (sections: readonly TTemplateSectionInput[]): TTemplateSection[] => {
  const taken = new Set(sections.flatMap((section) => (section.key ? [section.key] : [])));
  return sections.map((section) => {
    if (section.key) return { ...section, key: section.key };
    const key = sectionKeyFromHeading(section.heading, taken);
    taken.add(key);
    return { ...section, key };
  });
};
