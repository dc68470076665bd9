import { describe, expect, it } from "vitest";
import { echoValues } from "./field-errors";

describe("echoValues", () => {
  it("gives back what was typed, but never a password field nor React's action fields", () => {
    const form = new FormData();
    form.append("username", "nina.nyberg");
    form.append("password", "ett-långt-lösenord");
    form.append("currentPassword", "det-givna-lösenordet");
    form.append("newPassword", "mitt-eget-lösenord");
    form.append("repeatPassword", "mitt-eget-lösenord");
    form.append("$ACTION_ID_abc", "");
    form.append("files", new Blob(["x"]), "x.txt");
    expect(echoValues(form)).toEqual({ username: "nina.nyberg" });
  });
});
