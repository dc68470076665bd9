import { describe, expect, it } from "vitest";
import { isUuid, orderedUuidV7s } from "./ids";

describe("orderedUuidV7s", () => {
  it("gives valid version-7 UUIDs that sort in the order given, with the timestamp first", () => {
    const ids = orderedUuidV7s(20, Date.UTC(2026, 11, 1));
    expect(ids.every(isUuid)).toBe(true);
    expect(ids.every((id) => id[14] === "7" && "89ab".includes(id[19]!))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(20);
    expect(ids[0]!.replaceAll("-", "").slice(0, 12)).toBe(Date.UTC(2026, 11, 1).toString(16).padStart(12, "0"));
  });
});
