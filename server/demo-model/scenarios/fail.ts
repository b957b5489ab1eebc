import type { Scenario } from "../scenario";

export const fail: Scenario = {
  name: "fail",
  description: "the model endpoint answers HTTP 500; the turn fails",
  steps: [{ kind: "httpError", status: 500, message: "Demo model: scripted failure (scenario `fail`)." }],
};
