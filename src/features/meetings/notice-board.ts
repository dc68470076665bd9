// The rules of the anslagstavla shared by its page, the admin's committee settings and the
// service: whose kungörelser are posted and where a committee's protokoll are kept.
import type { Prisma } from "@/generated/prisma/client";

/**
 * Committees whose meetings are public: kommunfullmäktige always (Kommunallagen 5 kap.
 * 38 §), any other committee that has decided so (6 kap. 25 §, Committee.publicMeetings).
 */
export const PUBLIC_MEETINGS_WHERE = { OR: [{ kind: "KOMMUNFULLMAKTIGE" }, { publicMeetings: true }] } satisfies Prisma.CommitteeWhereInput;

/**
 * Förvaringsplats: the committee's own setting, else the förvaltning or kansli that prepares
 * its cases (and keeps its protokoll), else the municipality.
 */
export const minutesKeptAt = (committee: { minutesKeptAt: string | null; administrations: readonly { name: string }[] }, municipalityName: string): string =>
  committee.minutesKeptAt ?? committee.administrations[0]?.name ?? municipalityName;
