import { describe, expect, it } from "vitest";
import { isIssueList, issuesByField } from "./issues";

const fields = { label: "label", model: "provider", "model.baseUrl": "baseUrl", "autoApprove.commandPrefixes": "commandPrefixes" };

describe("issuesByField", () => {
  it("puts each issue under the field of its longest known path prefix", () => {
    const result = issuesByField(
      [
        { path: ["label"], message: "Give the environment a name." },
        { path: ["model", "baseUrl"], message: "A custom provider needs a baseUrl." },
        { path: ["model", "provider"], message: "Invalid option" },
        { path: ["autoApprove", "commandPrefixes", 2], message: "Too long" },
        { path: [], message: "Unrecognized key: \"x\"" },
      ],
      fields,
    );
    expect(result.fields).toEqual({
      label: ["Give the environment a name."],
      baseUrl: ["A custom provider needs a baseUrl."],
      provider: ["Invalid option"],
      commandPrefixes: ["Too long"],
    });
    expect(result.rest).toEqual(["Unrecognized key: \"x\""]);
  });

  it("recognises the API's issue lists", () => {
    expect(isIssueList([{ path: ["repo"], message: "No folder at /x." }])).toBe(true);
    expect(isIssueList({ path: [] })).toBe(false);
    expect(isIssueList([{ message: "no path" }])).toBe(false);
  });
});
